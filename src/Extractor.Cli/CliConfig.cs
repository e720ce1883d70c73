using Extractor;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace Extractor.Cli;

/// <summary>Where a verb's settings come from: --config FILE, else ./pipeline.json, else the one shipped beside the program.</summary>
internal static class CliConfig
{
    public static (IConfiguration Configuration, PipelineOptions Options, string? Path) Load(string? configPath, string? dataFolder)
    {
        var path = configPath ?? FirstExisting(Path.Combine(Directory.GetCurrentDirectory(), "pipeline.json"), Path.Combine(AppContext.BaseDirectory, "pipeline.json"));
        if (configPath is not null && !File.Exists(configPath))
            throw new UsageException($"configuration file not found: {configPath}");
        var builder = new ConfigurationBuilder();
        if (path is not null) builder.AddJsonFile(Path.GetFullPath(path), optional: false);
        IConfiguration configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
        var options = PipelineOptions.From(configuration, path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (dataFolder is not null)
        {
            options.DataFolder = Path.GetFullPath(dataFolder);
        }
        var errors = options.Validate();
        if (errors.Count > 0) throw new UsageException($"{path}: {string.Join("; ", errors)}");
        return (configuration, options, path is null ? null : Path.GetFullPath(path));
    }

    /// <summary>Logs go to standard error so results on standard output pipe cleanly.</summary>
    public static ILogger CreateLogger(IConfiguration configuration, bool verbose)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .Enrich.With<ControlCharacterEscaping>()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}");
        return logger.CreateLogger();
    }

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);
}

/// <summary>Bad usage or configuration: exit code 2 with the message, no stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
