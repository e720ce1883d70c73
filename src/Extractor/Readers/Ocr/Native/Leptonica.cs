using System.Runtime.InteropServices;

namespace Extractor.Readers.Ocr.Native;

/// <summary>A leptonica PIX owned by managed code; released with pixDestroy exactly once.</summary>
internal sealed class Pix : SafeHandle
{
    public Pix() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => Leptonica.pixGetWidth(this);
    public int Height => Leptonica.pixGetHeight(this);
    public int Depth => Leptonica.pixGetDepth(this);
    public int XResolution => Leptonica.pixGetXRes(this);

    /// <summary>Throws when leptonica returned no image, naming what was attempted.</summary>
    public Pix OrThrow(string what) =>
        IsInvalid ? throw new InvalidOperationException($"leptonica could not {what}") : this;

    protected override bool ReleaseHandle()
    {
        var h = handle;
        Leptonica.pixDestroy(ref h);
        return true;
    }
}

/// <summary>A leptonica PIXA (array of images, used to write multi-page TIFF).</summary>
internal sealed class PixArray : SafeHandle
{
    public PixArray() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var h = handle;
        Leptonica.pixaDestroy(ref h);
        return true;
    }
}

/// <summary>P/Invoke declarations for Debian's liblept.so.5 (leptonica 1.82): what the OCR reader uses, the clipping and drawing of <see cref="PagePicture"/>, and the encoding, rotation and noise scripts/fixtures/ScanMaker makes the fixture scans with.</summary>
internal static partial class Leptonica
{
    private const string Lib = "liblept.so.5";

    public const int FormatJpeg = 2;
    public const int FormatPng = 3;
    public const int ColorRed = 0;
    private const int SeverityNone = 6;
    private const int RotateAreaMap = 1, BringInWhite = 1;
    private const int Insert = 0;

    /// <summary>Leptonica prints its errors on stderr; the reader reports them itself.</summary>
    static Leptonica() => setMsgSeverity(SeverityNone);

    [LibraryImport(Lib)] private static partial int setMsgSeverity(int severity);
    [LibraryImport(Lib)] internal static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lib)] internal static partial void pixaDestroy(ref IntPtr pixa);
    [LibraryImport(Lib)] internal static partial int pixGetWidth(Pix pix);
    [LibraryImport(Lib)] internal static partial int pixGetHeight(Pix pix);
    [LibraryImport(Lib)] internal static partial int pixGetDepth(Pix pix);
    [LibraryImport(Lib)] internal static partial int pixGetXRes(Pix pix);
    [LibraryImport(Lib)] internal static partial int pixGetWpl(Pix pix);
    [LibraryImport(Lib)] internal static partial IntPtr pixGetData(Pix pix);
    [LibraryImport(Lib)] internal static partial int pixSetResolution(Pix pix, int xres, int yres);

    [LibraryImport(Lib)] internal static unsafe partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);
    [LibraryImport(Lib)] internal static unsafe partial int readHeaderMemTiff(byte* data, nuint size, int n, out int w, out int h, out int bps, out int spp, out int res, out int cmap, out int format);
    [LibraryImport(Lib)] internal static unsafe partial Pix pixReadMem(byte* data, nuint size);
    [LibraryImport(Lib)] internal static unsafe partial Pix pixReadMemTiff(byte* data, nuint size, int n);

    [LibraryImport(Lib)] internal static partial Pix pixConvertTo8(Pix pix, int cmapflag);
    [LibraryImport(Lib)] internal static partial Pix pixConvertTo32(Pix pix);
    [LibraryImport(Lib)] internal static partial Pix pixGetRGBComponent(Pix pix, int comp);
    [LibraryImport(Lib)] internal static partial Pix pixScaleGrayLI(Pix pix, float sx, float sy);
    [LibraryImport(Lib)] internal static partial Pix pixScaleAreaMap(Pix pix, float sx, float sy);
    [LibraryImport(Lib)] internal static partial Pix pixDeskewGeneral(Pix pix, int redsweep, float sweeprange, float sweepdelta, int redsearch, int thresh, out float angle, out float conf);
    [LibraryImport(Lib)] internal static partial Pix pixBackgroundNormSimple(Pix pix, IntPtr pixim, IntPtr pixg);
    [LibraryImport(Lib)] internal static partial Pix pixThresholdToBinary(Pix pix, int thresh);
    [LibraryImport(Lib)] internal static partial Pix pixGammaTRC(IntPtr pixd, Pix pixs, float gamma, int minval, int maxval);
    [LibraryImport(Lib)] internal static partial Pix pixRotate(Pix pix, float angle, int type, int incolor, int width, int height);
    [LibraryImport(Lib)] internal static partial Pix pixAddGaussianNoise(Pix pix, float stdev);

    [LibraryImport(Lib)] internal static unsafe partial int pixWriteMem(out IntPtr data, out nuint size, Pix pix, int format);
    [LibraryImport(Lib)] internal static unsafe partial int pixWriteMemJpeg(out IntPtr data, out nuint size, Pix pix, int quality, int progressive);
    [LibraryImport(Lib)] internal static partial PixArray pixaCreate(int n);
    [LibraryImport(Lib)] internal static partial int pixaAddPix(PixArray pixa, IntPtr pix, int copyflag);
    [LibraryImport(Lib)] internal static partial int pixaWriteMemMultipageTiff(out IntPtr data, out nuint size, PixArray pixa);
    [LibraryImport(Lib)] internal static partial IntPtr pixClone(Pix pix);
    [LibraryImport(Lib)] internal static partial Pix pixCopy(IntPtr pixd, Pix pixs);
    [LibraryImport(Lib)] internal static partial void lept_free(IntPtr ptr);

    [LibraryImport(Lib)] internal static partial Pix pixClipRectangle(Pix pix, IntPtr box, IntPtr boxClipped);
    [LibraryImport(Lib)] internal static partial int pixRenderBoxArb(Pix pix, IntPtr box, int width, byte red, byte green, byte blue);
    [LibraryImport(Lib)] private static partial IntPtr boxCreate(int x, int y, int w, int h);
    [LibraryImport(Lib)] private static partial void boxDestroy(ref IntPtr box);

    [LibraryImport(Lib)] private static partial IntPtr pixConnComp(Pix pix, out IntPtr pixa, int connectivity);
    [LibraryImport(Lib)] private static partial int boxaGetCount(IntPtr boxa);
    [LibraryImport(Lib)] private static partial int boxaGetBoxGeometry(IntPtr boxa, int index, out int x, out int y, out int w, out int h);
    [LibraryImport(Lib)] private static partial void boxaDestroy(ref IntPtr boxa);
    [LibraryImport(Lib)] private static partial Pix pixaGetPix(IntPtr pixa, int index, int accessType);
    [LibraryImport(Lib)] private static partial IntPtr ptaCreate(int n);
    [LibraryImport(Lib)] private static partial int ptaAddPt(IntPtr pta, float x, float y);
    [LibraryImport(Lib)] private static partial void ptaDestroy(ref IntPtr pta);
    [LibraryImport(Lib)] private static partial Pix pixProjectivePtaGray(Pix pix, IntPtr ptad, IntPtr ptas, byte grayval);
    private const int Copy = 1;

    /// <summary>
    /// The 8-connected parts of a binary image: each one's box, and its own pixels (cropped to the box) for the
    /// parts <paramref name="keep"/> chooses by box.
    /// </summary>
    public static List<(PixelRect Box, Pix? Ink)> ConnectedParts(Pix binary, Func<PixelRect, bool> keep)
    {
        var boxa = pixConnComp(binary, out var pixa, 8);
        try
        {
            var parts = new List<(PixelRect, Pix?)>();
            for (var i = 0; i < boxaGetCount(boxa); i++)
            {
                boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h);
                var box = new PixelRect(x, y, x + w, y + h);
                parts.Add((box, keep(box) ? pixaGetPix(pixa, i, Copy).OrThrow("take a connected part") : null));
            }
            return parts;
        }
        finally
        {
            boxaDestroy(ref boxa);
            pixaDestroy(ref pixa);
        }
    }

    [LibraryImport(Lib)] internal static partial Pix pixDilateBrick(IntPtr pixd, Pix pixs, int hsize, int vsize);
    [LibraryImport(Lib)] private static partial int pixRasterop(Pix pixd, int dx, int dy, int dw, int dh, int op, Pix pixs, int sx, int sy);

    /// <summary>Raster operation source XOR destination: a part's own pixels, XORed into the image it came from, clear them.</summary>
    private const int SourceXorDestination = 0x6;

    /// <summary>Clears from a binary image the pixels of one of its connected parts (<see cref="ConnectedParts"/>).</summary>
    public static void Clear(Pix binary, PixelRect box, Pix ink) =>
        pixRasterop(binary, box.Left, box.Top, box.Width, box.Height, SourceXorDestination, ink, 0, 0);

    /// <summary>A grey image mapped so that the four points <paramref name="from"/> land on <paramref name="to"/> (white brought in).</summary>
    public static Pix Projective(Pix grey, IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        IntPtr Points(IReadOnlyList<(double X, double Y)> points)
        {
            var pta = ptaCreate(points.Count);
            foreach (var (x, y) in points) ptaAddPt(pta, (float)x, (float)y);
            return pta;
        }
        var source = Points(from);
        var target = Points(to);
        try
        {
            return pixProjectivePtaGray(grey, target, source, 255).OrThrow("straighten the image");
        }
        finally
        {
            ptaDestroy(ref source);
            ptaDestroy(ref target);
        }
    }

    /// <summary>Runs <paramref name="use"/> with a leptonica BOX of the rectangle, destroyed after.</summary>
    public static T WithBox<T>(int x, int y, int width, int height, Func<IntPtr, T> use)
    {
        var box = boxCreate(x, y, Math.Max(1, width), Math.Max(1, height));
        try
        {
            return use(box);
        }
        finally
        {
            boxDestroy(ref box);
        }
    }

    public static Pix Rotate(Pix pix, double radians) =>
        pixRotate(pix, (float)radians, RotateAreaMap, BringInWhite, 0, 0).OrThrow("rotate the image");

    /// <summary>Encodes an image (PNG, TIFF, JPEG at a quality) to bytes.</summary>
    public static byte[] Encode(Pix pix, int format, int jpegQuality = 75)
    {
        var rc = format == FormatJpeg ? pixWriteMemJpeg(out var data, out var size, pix, jpegQuality, 0) : pixWriteMem(out data, out size, pix, format);
        return Take(rc, data, size);
    }

    /// <summary>Several pages as one multi-page TIFF (zip-compressed grey).</summary>
    public static byte[] EncodeTiff(IReadOnlyList<Pix> pages)
    {
        using var pixa = pixaCreate(pages.Count);
        foreach (var page in pages) pixaAddPix(pixa, pixClone(page), Insert);
        return Take(pixaWriteMemMultipageTiff(out var data, out var size, pixa), data, size);
    }

    private static byte[] Take(int rc, IntPtr data, nuint size)
    {
        try
        {
            if (rc != 0 || data == IntPtr.Zero) throw new InvalidOperationException("leptonica could not encode the image");
            var bytes = new byte[(int)size];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            if (data != IntPtr.Zero) lept_free(data);
        }
    }
}
