using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr.Paddle;

/// <summary>One text line cut from the grey page: 8-bit pixels, paper white (255), ink dark.</summary>
internal sealed class LineImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>The grey level at a pixel of the line.</summary>
    public byte At(int x, int y) => pixels[y * Width + x];

    /// <summary>Width over height: what PP-OCR sizes and batches lines by.</summary>
    public double Aspect => (double)Width / Height;

    /// <summary>Copies a rectangle of an 8-bit page (leptonica keeps four pixels to a 32-bit word, most significant first).</summary>
    public static unsafe LineImage Cut(Pix grey, PixelRect rect)
    {
        if (grey.Depth != 8) throw new ArgumentException("a line is cut from the grey page");
        var wpl = Leptonica.pixGetWpl(grey);
        var data = (byte*)Leptonica.pixGetData(grey);
        var pixels = new byte[rect.Width * rect.Height];
        for (var y = 0; y < rect.Height; y++)
        {
            var line = data + (long)(rect.Top + y) * wpl * 4;
            for (var x = 0; x < rect.Width; x++)
                pixels[y * rect.Width + x] = line[(rect.Left + x) ^ 3];
        }
        return new LineImage(rect.Width, rect.Height, pixels);
    }

    /// <summary>
    /// Writes the line into channel planes of an NCHW tensor as PaddleOCR's recogniser prepares it: scaled
    /// (bilinear, pixel centres aligned) to <paramref name="height"/> rows and a width by its aspect, at most
    /// <paramref name="maxWidth"/>; values mapped to [-1, 1]; the same grey in each of the three channels. The
    /// columns right of the line stay as the caller left them (0, the padding PaddleOCR uses). Returns the scaled width.
    /// </summary>
    public int WriteTo(Span<float> planes, int height, int maxWidth)
    {
        var width = Math.Clamp((int)Math.Ceiling(height * Aspect), 1, maxWidth);
        var plane = height * maxWidth;
        double sx = (double)Width / width, sy = (double)Height / height;
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp((y + 0.5) * sy - 0.5, 0, Height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, Height - 1);
            var wy = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp((x + 0.5) * sx - 0.5, 0, Width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, Width - 1);
                var wx = fx - x0;
                var top = pixels[y0 * Width + x0] * (1 - wx) + pixels[y0 * Width + x1] * wx;
                var bottom = pixels[y1 * Width + x0] * (1 - wx) + pixels[y1 * Width + x1] * wx;
                var value = (float)((top * (1 - wy) + bottom * wy) / 127.5 - 1.0);
                var at = y * maxWidth + x;
                planes[at] = value;
                planes[plane + at] = value;
                planes[2 * plane + at] = value;
            }
        }
        return width;
    }
}
