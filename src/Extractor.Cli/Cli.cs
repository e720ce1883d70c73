using Extractor.Isolation;
using System.CommandLine;
using Extractor.Store;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace Extractor.Cli;

/// <summary>Options every verb that reads pipeline.json takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "another pipeline.json", Recursive = true };
    public Option<string?> Data { get; } = new("--data") { Description = "the data folder (inbox, outbox, archive, quarantine, state)", Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "debug logging", Recursive = true };
}

internal sealed record CliContext(IConfiguration Configuration, PipelineOptions Options, string? ConfigPath)
{
    /// <summary>
    /// What reads the files: a pool of supervised reader processes of this program (started with the same settings),
    /// or the pipeline in this process when pipeline.json says "Readers:Isolation": "in-process".
    /// </summary>
    public IFileExtractor Extractor(ILogger log)
    {
        if (Options.Readers.InProcessOnly) return new ExtractionPipeline(Options);
        string[] settings = ConfigPath is null ? [] : ["--config", ConfigPath];
        return new ReaderProcessPool(ReaderCommand.OfThisProgram(settings), Options.Readers, log);
    }

    /// <summary>The configured data folder, for a verb that only reads it: one that does not exist is bad usage.</summary>
    public DataFolder ExistingDataFolder()
    {
        var data = new DataFolder(Options.DataPath);
        if (!Directory.Exists(data.Root)) throw new UsageException($"no data folder at {data.Root}");
        return data;
    }
}

/// <summary>Runs a verb: loads the configuration and logger, turns usage errors into exit code 2 with one line.</summary>
internal static class Cli
{
    public static int Run(ParseResult parse, GlobalOptions global, Func<CliContext, ILogger, int> verb)
    {
        try
        {
            var (configuration, options, path) = CliConfig.Load(parse.GetValue(global.Config), parse.GetValue(global.Data));
            using var logger = (Serilog.Core.Logger)CliConfig.CreateLogger(configuration, parse.GetValue(global.Verbose));
            return verb(new CliContext(configuration, options, path), logger);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"extractor: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
