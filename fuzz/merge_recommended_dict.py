#!/usr/bin/env python3
# fuzz/merge_recommended_dict.py LOG DICT: appends the "Recommended dictionary" libFuzzer prints at
# the end of a run (build-fuzz/logs/<target>.log, written by run_fuzzers.sh) to fuzz/dict/<name>.dict.
# Appends libFuzzer's end-of-run "Recommended dictionary" (octal escapes) to a .dict file
# (which only understands \\, \" and \xNN), skipping entries already there.
import re, sys
log, dictfile = sys.argv[1], sys.argv[2]
text = open(log, encoding='latin-1').read()
blocks = re.findall(r'###### Recommended dictionary\. ######\n(.*?)###### End of recommended dictionary', text, re.S)
if not blocks: sys.exit('no recommended dictionary in ' + log)
def decode(s):
    out = bytearray(); i = 0
    while i < len(s):
        if s[i] == '\\':
            if s[i+1] in '01234567': out.append(int(s[i+1:i+4], 8)); i += 4
            else: out.append(ord(s[i+1])); i += 2
        else: out.append(ord(s[i])); i += 1
    return bytes(out)
def encode(b):
    return '"' + ''.join(chr(c) if 32 <= c < 127 and c not in (34, 92) else '\\x%02x' % c for c in b) + '"'
existing = set()
for line in open(dictfile, encoding='latin-1'):
    line = line.strip()
    if line.startswith('"'): existing.add(line)
new = []
for line in blocks[-1].splitlines():
    m = re.match(r'^"(.*)" # Uses: (\d+)$', line)
    if not m: continue
    e = encode(decode(m.group(1)))
    if e not in existing and e not in new: new.append(e)
with open(dictfile, 'a', encoding='latin-1') as f:
    f.write('# Recommended by libFuzzer (' + log.split('/')[-1] + '):\n')
    f.write('\n'.join(new) + '\n')
print(dictfile, '+', len(new))
