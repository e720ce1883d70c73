using System.CommandLine;
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

internal sealed record CliContext(IConfiguration Configuration, PipelineOptions Options);

/// <summary>Runs a verb: loads the configuration and logger, turns usage errors into exit code 2 with one line.</summary>
internal static class Cli
{
    public static int Run(ParseResult parse, GlobalOptions global, Func<CliContext, ILogger, int> verb)
    {
        try
        {
            var (configuration, options) = CliConfig.Load(parse.GetValue(global.Config), parse.GetValue(global.Data));
            using var logger = (Serilog.Core.Logger)CliConfig.CreateLogger(configuration, parse.GetValue(global.Verbose));
            return verb(new CliContext(configuration, options), logger);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"extractor: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
