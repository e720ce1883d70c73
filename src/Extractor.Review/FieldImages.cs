using Extractor.Grid;
using Extractor.Output;
using Extractor.Readers;

namespace Extractor.Review;

/// <summary>Why a value has no picture (a text input, an original no longer where the ledger says): the message says which.</summary>
public sealed class FieldImageException(string message) : Exception(message);

/// <summary>
/// The picture of the page area a value was read from, its box outlined: page of the original (from the ledger: the
/// archive, or where import found it), drawn by <see cref="PagePicture"/>, cut to the box and some of the page around it.
/// </summary>
public sealed class FieldImages(Store.Ledger.Ledger ledger)
{
    /// <summary>PDF pages are drawn at this resolution (dots per inch).</summary>
    private const int Dpi = 150;

    /// <summary>Around the box: this share of the page's width left and right, of its height above and below.</summary>
    private const double MarginX = 0.12, MarginY = 0.03;

    public byte[] Png(EvaluationForm form, string field)
    {
        if (!form.Trace.TryGetValue(field, out var entry))
            throw new FieldImageException($"{field} has no value, so no place it was read from");
        if (entry.Page is not { } page || entry.Box is not { } b || form.Source.Pages is not { } pages || form.Source.PageSizes is not { } sizes)
            throw new FieldImageException($"{field} was read from a {form.Source.Method} input, which has no pages to show (row {entry.Row}, column {entry.Column})");
        var original = Original(form);
        var box = new Box(b[0], b[1], b[2], b[3]);
        var size = sizes[pages.IndexOf(page)];
        var area = new Box(
            Math.Max(0, box.Left - MarginX * size[0]), Math.Max(0, box.Top - MarginY * size[1]),
            Math.Min(size[0], box.Right + MarginX * size[0]), Math.Min(size[1], box.Bottom + MarginY * size[1]));
        try
        {
            return PagePicture.Png(original, page, Dpi, area, [box]).Png;
        }
        catch (InputRejectedException e)
        {
            throw new FieldImageException($"page {page} of {form.Source.File} cannot be drawn: {e.Reason}");
        }
    }

    /// <summary>The form's original, checked to be the very content the form was read from.</summary>
    private InputFile Original(EvaluationForm form)
    {
        var sha = form.Source.Sha256 ?? "";
        var path = ledger.OriginalPath(sha)
            ?? throw new FieldImageException($"the ledger does not know where the original of {form.Source.File} is kept");
        if (!File.Exists(path)) throw new FieldImageException($"the original of {form.Source.File} is no longer at {path}");
        var original = InputFile.Load(path);
        return original.Sha256 == sha ? original
            : throw new FieldImageException($"{path} has changed since {form.Source.File} was read (its content is another)");
    }
}
