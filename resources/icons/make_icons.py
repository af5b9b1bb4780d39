#!/usr/bin/python3
"""Renders the studio's PNG icons (Qt 6.4 on Debian 12 has no SVG plugin by default).

The .svg files beside them are the same drawings for packaging; this script draws them with
Pillow at 4x and downsamples for anti-aliasing. Run: python3 make_icons.py
"""
from PIL import Image, ImageDraw

S = 4  # supersampling


def canvas(size):
    img = Image.new("RGBA", (size * S, size * S), (0, 0, 0, 0))
    return img, ImageDraw.Draw(img)


def save(img, name, size):
    img.resize((size, size), Image.LANCZOS).save(name)


def p(*pts):
    return [(x * S, y * S) for x, y in pts]


def r(x0, y0, x1, y1):
    return [x0 * S, y0 * S, x1 * S, y1 * S]


def app_icon():
    img, d = canvas(64)
    d.rounded_rectangle(r(2, 2, 62, 62), radius=12 * S, fill="#1f3b5c")
    d.arc(r(18, 16, 46, 44), 150, 320, fill="#ffb347", width=5 * S)
    d.polygon(p((38, 12), (46, 21), (35, 23)), fill="#ffb347")
    d.arc(r(18, 20, 46, 48), 330, 140, fill="#6ec6ff", width=5 * S)
    d.polygon(p((26, 52), (18, 43), (29, 41)), fill="#6ec6ff")
    d.ellipse(r(16, 18, 24, 26), fill="#ffb347")
    d.ellipse(r(40, 38, 48, 46), fill="#6ec6ff")
    save(img, "cyclegan-studio.png", 256)


def train():
    img, d = canvas(48)
    d.rounded_rectangle(r(4, 6, 44, 42), radius=4 * S, outline="#3a6ea5", width=3 * S)
    d.line(p((8, 34), (16, 20), (22, 26), (30, 14), (40, 18)), fill="#e67814", width=3 * S, joint="curve")
    d.line(p((8, 38), (16, 32), (24, 34), (32, 28), (40, 30)), fill="#1f77b4", width=2 * S)
    save(img, "train.png", 48)


def translate():
    img, d = canvas(48)
    d.rounded_rectangle(r(3, 10, 21, 34), radius=2 * S, fill="#8fbf6a")
    d.ellipse(r(7, 14, 13, 20), fill="#fff6c2")
    d.polygon(p((3, 34), (10, 25), (15, 30), (21, 23), (21, 34)), fill="#4d7a34")
    d.rounded_rectangle(r(27, 14, 45, 38), radius=2 * S, fill="#f0c27a")
    d.line(p((29, 34), (33, 28), (37, 30), (43, 26)), fill="#b55a1f", width=3 * S)
    d.line(p((21, 22), (27, 22)), fill="#3a6ea5", width=3 * S)
    d.polygon(p((28, 22), (24, 18), (24, 26)), fill="#3a6ea5")
    save(img, "translate.png", 48)


def compare():
    img, d = canvas(48)
    for x, c in ((3, "#6ec6ff"), (18, "#3a6ea5"), (33, "#1f3b5c")):
        d.rounded_rectangle(r(x, 8, x + 12, 40), radius=2 * S, fill=c)
        d.line(p((x, 30), (x + 6, 24), (x + 12, 30)), fill="white", width=2 * S)
    save(img, "compare.png", 48)


def export():
    img, d = canvas(48)
    d.polygon(p((4, 14), (18, 14), (22, 18), (44, 18), (44, 40), (4, 40)), fill="#f0c27a", outline="#b57a2a")
    d.line(p((24, 22), (24, 34)), fill="#1f3b5c", width=4 * S)
    d.line(p((18, 28), (24, 34), (30, 28)), fill="#1f3b5c", width=4 * S, joint="curve")
    save(img, "export.png", 48)


def small(name, draw):
    img, d = canvas(24)
    draw(d)
    save(img, name, 24)


def main():
    app_icon()
    train()
    translate()
    compare()
    export()
    small("start.png", lambda d: d.polygon(p((6, 4), (20, 12), (6, 20)), fill="#2e9d4a"))
    small("pause.png", lambda d: (d.rectangle(r(5, 4, 10, 20), fill="#d69a00"),
                                  d.rectangle(r(14, 4, 19, 20), fill="#d69a00")))
    small("stop.png", lambda d: d.rounded_rectangle(r(5, 5, 19, 19), radius=2 * S, fill="#c0392b"))
    small("folder.png", lambda d: d.polygon(p((2, 6), (9, 6), (11, 8), (22, 8), (22, 20), (2, 20)),
                                            fill="#f0c27a", outline="#b57a2a"))

    def model(d):
        d.line(p((5, 6), (12, 12), (19, 6)), fill="#555555", width=S)
        d.line(p((5, 18), (12, 12), (19, 18)), fill="#555555", width=S)
        for x, y, c in ((5, 6, "#3a6ea5"), (5, 18, "#3a6ea5"), (12, 12, "#e67814"),
                        (19, 6, "#3a6ea5"), (19, 18, "#3a6ea5")):
            d.ellipse(r(x - 2.5, y - 2.5, x + 2.5, y + 2.5), fill=c)
    small("model.png", model)

    def open_(d):
        d.rounded_rectangle(r(3, 4, 21, 20), radius=2 * S, fill="#8fbf6a")
        d.ellipse(r(7, 7, 11, 11), fill="#fff6c2")
        d.polygon(p((3, 20), (9, 13), (13, 17), (16, 14), (21, 20)), fill="#4d7a34")
    small("open.png", open_)

    def save_(d):
        d.polygon(p((3, 3), (18, 3), (21, 6), (21, 21), (3, 21)), fill="#3a6ea5")
        d.rectangle(r(6, 3, 16, 9), fill="#dfe9f5")
        d.rectangle(r(6, 13, 18, 21), fill="white")
    small("save.png", save_)


if __name__ == "__main__":
    main()
