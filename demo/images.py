"""Demo images and documents drawn locally with Pillow: nothing is downloaded."""

import random
import textwrap
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)

# name: (left colour, right colour, the words alt text uses for them)
PALETTES = {
    "navy": ((14, 34, 64), (52, 116, 168), "navy to steel blue"),
    "sahel": ((112, 52, 22), (228, 168, 84), "rust to sand"),
    "teal": ((8, 64, 66), (64, 160, 138), "dark teal to jade"),
    "dusk": ((42, 30, 72), (208, 108, 92), "plum to coral"),
    "olive": ((46, 56, 28), (162, 160, 92), "olive to khaki"),
    "slate": ((28, 33, 44), (112, 122, 138), "charcoal to slate grey"),
    "gold": ((88, 58, 12), (226, 186, 88), "bronze to gold"),
}


def describe(label, palette):
    """Alt text for a generated image: what it actually shows."""
    return f"A {PALETTES[palette][2]} gradient with soft circles and the words “{label}”."


def render_image(label, palette, seed):
    """A 1200×675 JPEG: a gradient, translucent circles and the label. Same input, same bytes."""
    left, right, _ = PALETTES[palette]
    mask = Image.linear_gradient("L").rotate(90).resize(SIZE)
    # The mask is black on the left, where the label sits: the darker colour keeps it legible.
    image = Image.composite(Image.new("RGB", SIZE, right), Image.new("RGB", SIZE, left), mask)

    # Seeded, so that a regenerated image is identical and its file hash does not change.
    rng = random.Random(seed)
    overlay = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(7):
        radius = rng.randint(60, 280)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        alpha = rng.randint(16, 48)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, alpha))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")

    draw = ImageDraw.Draw(image)
    draw.text(
        (72, 64), "GLOBAL COALITION · DEMO", font=ImageFont.load_default(size=28), fill="white"
    )
    draw.line((72, 112, 312, 112), fill="white", width=4)
    title = "\n".join(line for part in label.split(" · ") for line in textwrap.wrap(part, 26))
    font = ImageFont.load_default(size=72)
    _, _, _, height = draw.multiline_textbbox((0, 0), title, font=font, spacing=12)
    draw.multiline_text((72, SIZE[1] - 72 - height), title, font=font, fill="white", spacing=12)

    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def render_pdf(title, heading, lines):
    """A one-page A4 PDF with a heading and plain lines of text."""
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), heading, font=ImageFont.load_default(size=48), fill=(14, 34, 64))
    draw.line((120, 215, 1120, 215), fill=(14, 34, 64), width=3)
    font = ImageFont.load_default(size=26)
    y = 270
    for line in lines:
        for wrapped in textwrap.wrap(line, width=72) or [""]:
            draw.text((120, y), wrapped, font=font, fill="black")
            y += 40
    buffer = BytesIO()
    page.save(buffer, "PDF", resolution=150, title=title)
    return buffer.getvalue()
