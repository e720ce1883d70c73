using System.Diagnostics;

namespace Extractor.Cli.Tests;

/// <summary>Runs the real `extractor` program as a user would, capturing its streams and exit code.</summary>
internal static class CliRun
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args) => RunIn(Root, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunWith(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the program with <paramref name="environment"/> added to its environment (a runtime limit, say).</summary>
    public static Result RunWith(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(true); throw new TimeoutException("extractor did not finish"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program without waiting, its output discarded, for tests that stop it half-way.</summary>
    public static Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(Root, args))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "extractor.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    public static string TempFolder() => Directory.CreateTempSubdirectory("extractor-cli-").FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Extractor.sln not found");
    }
}
