using Microsoft.AspNetCore.Http;

namespace Extractor.Review;

/// <summary>The page's files, embedded in the assembly (Page/): served as they are, nothing else by these names.</summary>
internal static class PageAsset
{
    public static IResult Result(string name)
    {
        var stream = typeof(PageAsset).Assembly.GetManifestResourceStream($"page/{name}");
        if (stream is null) return Results.NotFound();
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/css; charset=utf-8",
        };
        return Results.Stream(stream, type);
    }
}
