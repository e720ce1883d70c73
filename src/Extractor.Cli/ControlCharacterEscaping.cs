using Extractor.Files;
using Serilog.Core;
using Serilog.Events;

namespace Extractor.Cli;

/// <summary>Log properties holding control characters (a file named with a line break or an escape sequence) are escaped, so no name can forge or garble a log line.</summary>
internal sealed class ControlCharacterEscaping : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(ControlText.Escape(text))));
    }
}
