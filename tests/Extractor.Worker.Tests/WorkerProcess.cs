using System.Diagnostics;
using System.Text;

namespace Extractor.Worker.Tests;

/// <summary>
/// The real worker (`extractor watch`) as a child process on a real temporary data folder, with short timings
/// so tests are quick; the data folder outlives a kill so a restart sees what the crash left.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="settings">More settings of the "Extractor" section, as JSON members (`"Readers": { … }`).</param>
    public WorkerProcess(string? root = null, string? settings = null, string worker = "\"RescanSeconds\": 1, \"ReadySeconds\": 0.4, \"MaxRetrySeconds\": 1")
    {
        Root = root ?? Directory.CreateTempSubdirectory("extractor-worker-").FullName;
        ConfigPath = Path.Combine(Root, "pipeline.json");
        var more = settings is null ? "" : ", " + settings;
        File.WriteAllText(ConfigPath, $$"""
            { "Extractor": { "DataFolder": "data", "Parallelism": 2,
                             "Worker": { {{worker}} }{{more}} } }
            """);
    }

    public string Root { get; }
    public string ConfigPath { get; }
    public string Data => Path.Combine(Root, "data");
    public string Inbox => Path.Combine(Data, "inbox");
    public string Outbox => Path.Combine(Data, "outbox");
    public string Archive => Path.Combine(Data, "archive");
    public string Quarantine => Path.Combine(Data, "quarantine");
    public string Work => Path.Combine(Data, "work");
    public string State => Path.Combine(Data, "state");

    public int Id => _process!.Id;

    /// <summary>The worker process's peak resident memory so far (VmHWM), in bytes.</summary>
    public long PeakMemoryBytes =>
        long.Parse(File.ReadAllLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith("VmHWM:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string Fixtures { get; } = FindFixtures();

    public WorkerProcess Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "extractor.dll"));
        foreach (var arg in new[] { "watch", "--config", ConfigPath }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        try
        {
            WaitUntil(() => Log.Contains("Watching"), TimeSpan.FromSeconds(30), "the worker to start");
        }
        catch
        {
            Dispose(); // the caller's using never got the process: no worker outlives its test
            throw;
        }
        return this;
    }

    /// <summary>SIGKILL of the whole process tree (worker and reader processes): no chance to finish anything.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL of the worker alone, as the kernel's OOM killer or a crash would: its reader processes are orphaned.</summary>
    public void KillWorkerOnly()
    {
        Process.Start("kill", ["-KILL", _process!.Id.ToString()])!.WaitForExit();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or Ctrl-C would stop it; returns the exit code.</summary>
    public int Stop()
    {
        Process.Start("kill", ["-TERM", _process!.Id.ToString()])!.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(40))) throw new TimeoutException("the worker did not stop on SIGTERM");
        return _process.ExitCode;
    }

    /// <summary>Entries under a folder (links listed, never followed: a quarantined link to "/" must not walk the machine).</summary>
    public string[] Files(string folder, string pattern = "*") =>
        Directory.Exists(folder)
            ? Extractor.Files.FolderWalk.Entries(folder).Where(e => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, e.Name))
                .Select(e => Path.Combine(folder, e.SafeRelativeName)).ToArray()
            : [];

    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}; worker log:\n{Log}");
            if (_process is { HasExited: true }) throw new InvalidOperationException($"the worker exited ({_process.ExitCode}) while waiting for {what}:\n{Log}");
            Thread.Sleep(100);
        }
    }

    /// <summary>Drops a file the way a user's copy does: written elsewhere, then moved into the inbox.</summary>
    public void Drop(string relativeName, byte[] content)
    {
        var target = Path.Combine(Inbox, relativeName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(temp, content);
        File.Move(temp, target);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) Kill();
        _process?.Dispose();
        _process = null;
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return Path.Combine(dir.FullName, "fixtures");
        throw new InvalidOperationException("Extractor.sln not found");
    }
}
