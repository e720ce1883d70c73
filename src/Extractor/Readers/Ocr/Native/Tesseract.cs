using System.Runtime.InteropServices;

namespace Extractor.Readers.Ocr.Native;

/// <summary>A TessBaseAPI instance; ended and deleted exactly once.</summary>
internal sealed class TessApi : SafeHandle
{
    public TessApi() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessBaseAPIEnd(handle);
        Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}

/// <summary>A result iterator of the last recognition; deleted exactly once.</summary>
internal sealed class TessResultIterator : SafeHandle
{
    public TessResultIterator() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}

/// <summary>P/Invoke declarations for Debian's libtesseract.so.5 C API; only what the OCR reader uses.</summary>
internal static partial class Tesseract
{
    private const string Lib = "libtesseract.so.5";

    /// <summary>
    /// Debian's tesseract is built with OpenMP; engines already run one per worker thread, so OpenMP's own
    /// threads would only oversubscribe the cores. libgomp reads the limit when it loads, i.e. before the first call.
    /// </summary>
    static Tesseract() => setenv("OMP_THREAD_LIMIT", "1", 0);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    public const int OemLstmOnly = 1;
    public const int PsmSingleBlock = 6, PsmSingleLine = 7;
    public const int LevelTextLine = 2, LevelWord = 3, LevelSymbol = 4;

    [LibraryImport(Lib)] internal static partial TessApi TessBaseAPICreate();
    [LibraryImport(Lib)] internal static partial void TessBaseAPIDelete(IntPtr api);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIEnd(IntPtr api);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit4(TessApi api, string datapath, string language, int oem,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] configs, int configsSize,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] varsVec,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] varsValues,
        nuint varsSize, int setOnlyNonDebugParams);

    [LibraryImport(Lib)] internal static partial void TessBaseAPISetPageSegMode(TessApi api, int mode);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetImage2(TessApi api, Pix pix);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetSourceResolution(TessApi api, int ppi);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetRectangle(TessApi api, int left, int top, int width, int height);
    [LibraryImport(Lib)] internal static partial int TessBaseAPIRecognize(TessApi api, IntPtr monitor);
    [LibraryImport(Lib)] internal static partial TessResultIterator TessBaseAPIGetIterator(TessApi api);

    [LibraryImport(Lib)] internal static partial void TessResultIteratorDelete(IntPtr it);
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.I4)] internal static partial int TessResultIteratorNext(TessResultIterator it, int level);
    [LibraryImport(Lib)] internal static partial IntPtr TessResultIteratorGetUTF8Text(TessResultIterator it, int level);
    [LibraryImport(Lib)] internal static partial float TessResultIteratorConfidence(TessResultIterator it, int level);
    [LibraryImport(Lib)] internal static partial IntPtr TessResultIteratorGetPageIteratorConst(TessResultIterator it);
    [LibraryImport(Lib)] internal static partial int TessPageIteratorBoundingBox(IntPtr pageIt, int level, out int left, out int top, out int right, out int bottom);
    [LibraryImport(Lib)] internal static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIt, int level);
    [LibraryImport(Lib)] internal static partial void TessDeleteText(IntPtr text);

    /// <summary>Text tesseract allocated, copied and freed.</summary>
    public static string? TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(text); }
        finally { TessDeleteText(text); }
    }
}
