using System.CommandLine;
using Extractor.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Extractor.Cli;

/// <summary>
/// `extractor review [--data DIR] [--port 5080] [--host 127.0.0.1] [--token T]`: serves the review page and its JSON
/// interface over the data folder's store until Ctrl-C. Loopback unless --host says otherwise; any other address
/// needs --token.
/// </summary>
internal static class ReviewVerb
{
    public static Command Create(GlobalOptions global)
    {
        var port = new Option<int>("--port") { Description = "the port (0: any free one)", DefaultValueFactory = _ => ReviewSettings.DefaultPort };
        var host = new Option<string>("--host") { Description = "the address to listen on (loopback unless said otherwise)", DefaultValueFactory = _ => ReviewSettings.DefaultHost };
        var token = new Option<string?>("--token") { Description = "the token every request must carry (required beyond loopback)" };
        var command = new Command("review", "Serve the review page: see each value beside where it was printed, and correct it") { port, host, token };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var settings = new ReviewSettings(config.ExistingDataFolder(), parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(token), config.Options.LowConfidenceThreshold);
            WebApplication app;
            try
            {
                app = ReviewServer.Build(settings, logging => logging.AddSerilog(log));
            }
            catch (ReviewSettingsException e)
            {
                throw new UsageException(e.Message);
            }
            app.Start();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var open = string.IsNullOrEmpty(settings.Token) ? address + "/" : $"{address}/?token=TOKEN (scripts: Authorization: Bearer TOKEN)";
            log.Information("review page of {Store} at {Address}; Ctrl-C stops", settings.Data.Outbox, open);
            Console.Error.WriteLine($"extractor review: listening on {address}");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        }));
        return command;
    }
}
