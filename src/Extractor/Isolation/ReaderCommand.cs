using System.Reflection;

namespace Extractor.Isolation;

/// <summary>How to start a reader process: this same program with its hidden `reader` verb and the caller's settings.</summary>
public sealed record ReaderCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The running program (its apphost, or `dotnet` and its dll) with `reader` and the given arguments.</summary>
    public static ReaderCommand OfThisProgram(params string[] arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the program's path is unknown");
        var isDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var entry = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("the program's assembly is unknown");
        IEnumerable<string> args = isDotnet ? [entry, "reader", .. arguments] : ["reader", .. arguments];
        return new ReaderCommand(host, args.ToList());
    }
}
