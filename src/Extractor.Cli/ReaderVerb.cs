using System.CommandLine;
using Extractor.Isolation;

namespace Extractor.Cli;

/// <summary>
/// `extractor reader` (hidden): a reader process of the pool that extract, import and watch read files with. It
/// speaks the pool's protocol on standard input and output; a user never runs it.
/// </summary>
internal static class ReaderVerb
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("reader", "A supervised reader process (started by extract, import and watch)") { Hidden = true };
        command.SetAction(parse => Cli.Run(parse, global, (config, _) =>
        {
            using var pipeline = new ExtractionPipeline(config.Options);
            return ReaderChild.Run(pipeline, config.Options.Limits, config.Options.Readers.MemoryLimitMegabytes);
        }));
        return command;
    }
}
