"""The demo's illustrations, drawn with Pillow (no downloads): what each one looks like is
in data/images.yaml.

Each image is abstract: a gradient and shapes in a palette of its own, 1600×900 JPEG. The
drawing is seeded per image, so the same key always gives the same bytes."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # draw at double size and scale down for smooth edges


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _gradient(top, bottom, size):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, _hex(bottom)), Image.new("RGB", size, _hex(top)), mask)


def _rgba(colour, alpha=255):
    return (*_hex(colour), alpha)


def _waves(draw, rng, w, h, palette):
    draw.ellipse((w * 0.68, h * 0.12, w * 0.84, h * 0.12 + w * 0.16), fill=_rgba(palette[0]))
    for layer, colour in enumerate(palette[1:]):
        base = h * (0.45 + layer * 0.13)
        amplitude = h * rng.uniform(0.03, 0.07)
        length = w / rng.uniform(0.8, 1.8)
        phase = rng.uniform(0, math.tau)
        points = [(x, base + amplitude * math.sin(phase + x / length * math.tau)) for x in range(0, w + 20, 20)]
        draw.polygon([(0, h), *points, (w, h)], fill=_rgba(colour))


def _leaves(draw, rng, w, h, palette, canvas):
    for _ in range(38):
        lw, lh = int(rng.uniform(0.05, 0.12) * w), int(rng.uniform(0.02, 0.04) * w)
        leaf = Image.new("RGBA", (lw, lh), (0, 0, 0, 0))
        ImageDraw.Draw(leaf).ellipse((0, 0, lw - 1, lh - 1), fill=_rgba(rng.choice(palette), 225))
        leaf = leaf.rotate(rng.uniform(0, 180), expand=True)
        canvas.alpha_composite(leaf, (int(rng.uniform(-0.05, 0.95) * w), int(rng.uniform(-0.05, 0.95) * h)))


def _sun(draw, rng, w, h, palette):
    cx, cy, r = w * 0.5, h * 0.62, h * 0.28
    for i in range(24):
        angle = math.tau * i / 24
        spread = math.tau / 70
        far = r * rng.uniform(1.8, 2.6)
        draw.polygon(
            [
                (cx + r * 0.9 * math.cos(angle - spread), cy + r * 0.9 * math.sin(angle - spread)),
                (cx + far * math.cos(angle), cy + far * math.sin(angle)),
                (cx + r * 0.9 * math.cos(angle + spread), cy + r * 0.9 * math.sin(angle + spread)),
            ],
            fill=_rgba(palette[i % 2], 200),
        )
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_rgba(palette[2]))
    draw.rectangle((0, h * 0.82, w, h), fill=_rgba(palette[3]))


def _circles(draw, rng, w, h, palette):
    for _ in range(16):
        r = rng.uniform(0.08, 0.22) * h
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(rng.choice(palette), 150))


def _confetti(draw, rng, w, h, palette):
    for _ in range(90):
        x, y, s = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.015, 0.045) * w
        colour = _rgba(rng.choice(palette), 235)
        shape = rng.randrange(3)
        if shape == 0:
            draw.ellipse((x, y, x + s, y + s), fill=colour)
        elif shape == 1:
            draw.rounded_rectangle((x, y, x + s, y + s * 0.6), radius=s * 0.15, fill=colour)
        else:
            draw.polygon([(x, y + s), (x + s / 2, y), (x + s, y + s)], fill=colour)


def _arches(draw, rng, w, h, palette):
    cx, base = w * 0.5, h * 1.05
    for i, colour in enumerate(palette * 2):
        r = h * (1.0 - i * 0.12)
        if r <= 0:
            break
        draw.ellipse((cx - r * 1.3, base - r, cx + r * 1.3, base + r), fill=_rgba(colour))


def _houses(draw, rng, w, h, palette):
    x = -w * 0.02
    ground = h * 0.85
    while x < w:
        hw = rng.uniform(0.09, 0.15) * w
        hh = rng.uniform(0.28, 0.45) * h
        colour = rng.choice(palette[1:])
        draw.rectangle((x, ground - hh, x + hw, ground), fill=_rgba(colour))
        draw.polygon(
            [(x - 6, ground - hh), (x + hw / 2, ground - hh - hw * 0.55), (x + hw + 6, ground - hh)],
            fill=_rgba(palette[0]),
        )
        for wx in range(2):
            for wy in range(2):
                left = x + hw * (0.18 + wx * 0.42)
                top = ground - hh + hh * (0.15 + wy * 0.35)
                draw.rectangle((left, top, left + hw * 0.22, top + hh * 0.18), fill=(255, 244, 214, 255))
        x += hw + rng.uniform(0.01, 0.03) * w
    draw.rectangle((0, ground, w, h), fill=_rgba(palette[0]))


def _lines(draw, rng, w, h, palette):
    width = int(h * 0.035)
    for colour in palette:
        points = [(-20, rng.uniform(0.1, 0.9) * h)]
        x = 0
        while x < w:
            x += rng.uniform(0.12, 0.25) * w
            points.append((x, min(h * 0.95, max(h * 0.05, points[-1][1] + rng.uniform(-0.25, 0.25) * h))))
        draw.line(points, fill=_rgba(colour), width=width, joint="curve")
        for px, py in points[1:-1]:
            draw.ellipse(
                (px - width, py - width, px + width, py + width),
                fill=(255, 255, 255, 255),
                outline=_rgba(colour),
                width=width // 2,
            )


def _lights(draw, rng, w, h, palette, canvas):
    glow = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    glow_draw = ImageDraw.Draw(glow)
    spots = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.1, 0.55) * h) for _ in range(7)]
    for x, y in spots:
        r = h * 0.12
        glow_draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(palette[0], 120))
    canvas.alpha_composite(glow.filter(ImageFilter.GaussianBlur(h * 0.06)))
    for x, y in spots:
        draw.line((x, y, x, h), fill=_rgba(palette[2]), width=int(h * 0.012))
        r = h * 0.025
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(palette[1]))
    draw.rectangle((0, h * 0.88, w, h), fill=_rgba(palette[3]))


def _stage(draw, rng, w, h, palette):
    draw.polygon([(w * 0.4, 0), (w * 0.6, 0), (w * 0.72, h * 0.62), (w * 0.28, h * 0.62)], fill=_rgba(palette[0], 110))
    draw.rectangle((w * 0.2, h * 0.55, w * 0.8, h * 0.62), fill=_rgba(palette[1]))
    for row in range(4):
        y = h * (0.72 + row * 0.08)
        r = h * (0.028 + row * 0.004)
        count = 16 + row * 2
        for i in range(count):
            x = w * (i + 0.5 + (row % 2) * 0.5) / count
            draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(rng.choice(palette[2:])))


def _tiles(draw, rng, w, h, palette):
    size = h / 6
    for row in range(7):
        for col in range(int(w / size) + 1):
            if rng.random() < 0.55:
                pad = size * 0.08
                draw.rounded_rectangle(
                    (col * size + pad, row * size + pad, (col + 1) * size - pad, (row + 1) * size - pad),
                    radius=size * 0.18,
                    fill=_rgba(rng.choice(palette), 230),
                )


def _bubbles(draw, rng, w, h, palette):
    cells = [(col, row) for row in range(3) for col in range(3)]
    for col, row in cells:
        if rng.random() < 0.25:
            continue
        bw, bh = rng.uniform(0.18, 0.26) * w, rng.uniform(0.13, 0.18) * h
        x = col * w / 3 + rng.uniform(0.02, 1 / 3 - 0.02 - bw / w) * w
        y = row * h / 3 + rng.uniform(0.02, 1 / 3 - 0.02 - bh * 1.35 / h) * h
        colour = _rgba(rng.choice(palette), 235)
        draw.rounded_rectangle((x, y, x + bw, y + bh), radius=bh * 0.35, fill=colour)
        tail = x + bw * rng.uniform(0.2, 0.7)
        draw.polygon(
            [(tail, y + bh - 2), (tail + bw * 0.12, y + bh - 2), (tail - bw * 0.03, y + bh * 1.35)], fill=colour
        )
        for line in range(2):
            ly = y + bh * (0.35 + line * 0.3)
            draw.rounded_rectangle(
                (x + bw * 0.12, ly - 6, x + bw * (0.85 - line * 0.25), ly + 6), radius=6, fill=(255, 255, 255, 200)
            )


DRAWINGS = {
    "waves": _waves,
    "leaves": _leaves,
    "sun": _sun,
    "circles": _circles,
    "confetti": _confetti,
    "arches": _arches,
    "houses": _houses,
    "lines": _lines,
    "lights": _lights,
    "stage": _stage,
    "tiles": _tiles,
    "bubbles": _bubbles,
}
NEEDS_CANVAS = {_leaves, _lights}


def render(key, spec):
    """JPEG bytes of the illustration `key`, drawn as `spec` (an entry of data/images.yaml) says."""
    draw_shapes = DRAWINGS[spec["drawing"]]
    (top, bottom), palette = spec["sky"], spec["palette"]
    rng = random.Random(f"meerwijk-{key}")  # noqa: S311 - decoration, not security
    size = (WIDTH * SCALE, HEIGHT * SCALE)
    canvas = _gradient(top, bottom, size).convert("RGBA")
    draw = ImageDraw.Draw(canvas)
    if draw_shapes in NEEDS_CANVAS:
        draw_shapes(draw, rng, size[0], size[1], palette, canvas)
    else:
        draw_shapes(draw, rng, size[0], size[1], palette)
    result = canvas.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    result.save(buffer, format="JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue()
