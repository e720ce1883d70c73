using System.Text.Json;
using Extractor.Store;

namespace Extractor.Cli;

/// <summary>What an import did, per year and per input kind: files, forms, failures with reasons, checks raised.</summary>
internal sealed class ImportReport
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Year, string Kind), Line> _lines = new();

    public int Files { get; private set; }
    public int Forms { get; private set; }
    public int Failures { get; private set; }
    public int Duplicates { get; private set; }

    public double FilesPerSecond(TimeSpan elapsed) => Files / Math.Max(elapsed.TotalSeconds, 0.001);

    public sealed class Line
    {
        public int Files { get; set; }
        public int Forms { get; set; }
        public int Checks { get; set; }
        public int Duplicates { get; set; }
        public List<string> Failures { get; } = [];
    }

    public void Add(string relativeName, IngestResult result)
    {
        lock (_lock)
        {
            Files++;
            var kind = result.Kind ?? "unknown";
            switch (result.Status)
            {
                case IngestStatus.Processed:
                    Forms += result.Forms.Count;
                    var firstYear = Year(result.Forms[0].Year);
                    Get(firstYear, kind).Files++;
                    foreach (var form in result.Forms)
                    {
                        var line = Get(Year(form.Year), kind);
                        line.Forms++;
                        line.Checks += form.Checks.Count;
                    }
                    break;
                case IngestStatus.Duplicate:
                    Duplicates++;
                    Get("already imported", kind).Duplicates++;
                    break;
                default:
                    Failures++;
                    var failed = Get("unknown", kind);
                    failed.Files++;
                    failed.Failures.Add($"{relativeName}: {result.Reason}");
                    break;
            }
        }
    }

    public IEnumerable<(string Year, string Kind, Line Line)> Rows()
    {
        lock (_lock)
            return _lines.OrderBy(l => l.Key.Year, StringComparer.Ordinal).ThenBy(l => l.Key.Kind, StringComparer.Ordinal)
                .Select(l => (l.Key.Year, l.Key.Kind, l.Value)).ToList();
    }

    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"import-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        var report = new
        {
            files = Files, forms = Forms, failures = Failures, duplicates = Duplicates,
            lines = Rows().Select(r => new { year = r.Year, kind = r.Kind, files = r.Line.Files, forms = r.Line.Forms, checks = r.Line.Checks, duplicates = r.Line.Duplicates, failures = r.Line.Failures }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(report, QuarantineNote.Json));
        return path;
    }

    private Line Get(string year, string kind)
    {
        if (!_lines.TryGetValue((year, kind), out var line)) _lines[(year, kind)] = line = new Line();
        return line;
    }

    private static string Year(int? year) => year?.ToString() ?? "unknown";
}
