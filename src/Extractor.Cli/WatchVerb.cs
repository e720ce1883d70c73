using System.CommandLine;
using Extractor.Store;
using Extractor.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;

namespace Extractor.Cli;

/// <summary>`extractor watch [--data DIR]`: the inbox worker as a hosted service, until SIGINT/SIGTERM.</summary>
internal static class WatchVerb
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("watch", "Watch the data folder's inbox and turn every file dropped there into JSON in the outbox");
        command.SetAction(parse => Cli.Run(parse, global, (config, consoleLog) =>
        {
            var data = new DataFolder(config.Options.DataPath).Ensure();
            using var log = new LoggerConfiguration()
                .ReadFrom.Configuration(config.Configuration)
                .Enrich.With<ControlCharacterEscaping>()
                .WriteTo.Logger(consoleLog)
                .WriteTo.File(new CompactJsonFormatter(), Path.Combine(data.Logs, "extractor-.clef"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31)
                .CreateLogger();

            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSerilog(log);
            builder.Services.AddSystemd();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
            builder.Services.AddSingleton(config.Options);
            builder.Services.AddSingleton(data);
            builder.Services.AddSingleton<ILogger>(log);
            // Made by the container so that it is disposed (reader processes or OCR engines released) when the host stops.
            builder.Services.AddSingleton(_ => config.Extractor(log));
            builder.Services.AddSingleton(sp => new Extractor.Store.Ledger.Ledger(data.LedgerPath));
            builder.Services.AddSingleton<FileIngest>();
            builder.Services.AddHostedService<InboxWorker>();
            builder.Build().Run();
            return ExitCodes.Ok;
        }));
        return command;
    }
}
