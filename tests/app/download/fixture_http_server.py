#!/usr/bin/env python3
"""The download tests' HTTP server: serves the files of ROOT on 127.0.0.1 (never the real
server), with byte ranges (python3's http.server has none) and the failures a download must
survive. Prints its port on stdout, then serves until killed.

    fixture_http_server.py ROOT LOG

A first path component chooses the behaviour, the rest names the file under ROOT:
  /ok/...       the file; "Range: bytes=N-" gets 206 Partial Content
  /norange/...  the file, always 200 (a server without ranges)
  /slow/...     as /ok, 2 KiB every 40 ms (time to cancel)
  /truncate/... announces the whole length, sends the first half, closes
Missing files get 404. LOG gets one line per request: "<path> <Range header or ->".
"""
import http.server
import os
import sys
import threading
import time

ROOT, LOG = sys.argv[1], sys.argv[2]
LOG_LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.lstrip('/').split('/', 1)
        mode, rel = (parts[0], parts[1]) if len(parts) == 2 else ('ok', parts[0])
        with LOG_LOCK, open(LOG, 'a') as log:
            log.write('%s %s\n' % (self.path, self.headers.get('Range', '-')))
        path = os.path.join(ROOT, rel)
        if '..' in rel.split('/') or not os.path.isfile(path):
            body = b'not found'
            self.send_response(404)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        data = open(path, 'rb').read()
        start = 0
        ranged = self.headers.get('Range', '')
        if mode != 'norange' and ranged.startswith('bytes=') and ranged.endswith('-'):
            start = int(ranged[6:-1])
        if start >= len(data) and start > 0:
            self.send_response(416)
            self.send_header('Content-Range', 'bytes */%d' % len(data))
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        self.send_response(206 if start > 0 else 200)
        if start > 0:
            self.send_header('Content-Range', 'bytes %d-%d/%d' % (start, len(data) - 1, len(data)))
        self.send_header('Content-Length', str(len(data) - start))
        self.send_header('Content-Type', 'application/octet-stream')
        if mode == 'truncate':
            self.send_header('Connection', 'close')
        self.end_headers()
        body = data[start:]
        try:
            if mode == 'truncate':
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
            elif mode == 'slow':
                for i in range(0, len(body), 2048):
                    self.wfile.write(body[i:i + 2048])
                    self.wfile.flush()
                    time.sleep(0.04)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
