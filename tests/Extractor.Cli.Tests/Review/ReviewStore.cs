using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Extractor.Cli.Tests.Review;

/// <summary>
/// A data folder filled by the real `extractor import` of copies of fixture inputs (a text PDF whose forms the validator
/// flags, a text PDF without checks, an HTML export), and the real `extractor review` serving it on a free loopback port.
/// </summary>
public sealed partial class ReviewStore : IDisposable
{
    public static readonly string[] Inputs = ["variants/variants.chromium.pdf", "seed/seed.chromium.pdf", "variants/variants.html"];

    public string Root { get; } = Directory.CreateTempSubdirectory("extractor-review-").FullName;
    public string Data => Path.Combine(Root, "data");
    public string Originals => Path.Combine(Root, "originals");
    public Uri Address { get; }
    public HttpClient Http { get; }

    private readonly Process _server;

    public ReviewStore()
    {
        Directory.CreateDirectory(Originals);
        foreach (var input in Inputs) File.Copy(Path.Combine(CliRun.Fixtures, input), Path.Combine(Originals, Path.GetFileName(input)));
        var import = CliRun.Run("import", Originals, "--data", Data);
        if (import.ExitCode != 0) throw new InvalidOperationException($"import failed ({import.ExitCode}): {import.Err}");
        (_server, Address) = Start("review", "--port", "0", "--data", Data);
        Http = new HttpClient { BaseAddress = Address };
    }

    /// <summary>The form ids of the store for one input (its stem), in form order.</summary>
    public string FormId(string stem, int formIndex) =>
        Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(Data, "outbox"), $"{stem}_{formIndex:00}_*.json").Single());

    public string Document(string formId) => File.ReadAllText(Path.Combine(Data, "outbox", formId + ".json"));

    /// <summary>Starts `extractor` and waits for it to say where it listens.</summary>
    public static (Process Process, Uri Address) Start(params string[] args)
    {
        var process = Process.Start(CliRun.StartInfo(CliRun.Root, args))!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors) errors.AppendLine(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill(true);
            throw new InvalidOperationException($"extractor review did not start: {errors}");
        }
        return (process, listening.Task.Result);
    }

    public void Dispose()
    {
        Http.Dispose();
        Stop(_server);
        Directory.Delete(Root, recursive: true);
    }

    public static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(true);
        process.WaitForExit();
        process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}

[CollectionDefinition("review store")]
public sealed class ReviewStoreCollection : ICollectionFixture<ReviewStore>;
