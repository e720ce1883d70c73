using System.Collections;
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.Store.Query;
using Spectre.Console;

namespace Extractor.Cli;

public enum ResultFormat { Table, Csv, Json, Ndjson }

/// <summary>The --format and --out options of the verbs that print rows (query, audit).</summary>
internal sealed class ResultOptions
{
    public Option<ResultFormat> Format { get; } = new("--format", "-f") { Description = "table (aligned, the default), csv, json (one array) or ndjson (one object a line)", DefaultValueFactory = _ => ResultFormat.Table };
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "write the rows to this file instead of standard output" };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Out);
    }

    /// <summary>Writes the rows where the options say; the row count goes to standard error, so output pipes cleanly.</summary>
    public void Write(ParseResult parse, QueryResult result, string note, int maxCellWidth = ResultOutput.MaxCellWidth)
    {
        var path = parse.GetValue(Out);
        using (var stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
            ResultOutput.Write(result, parse.GetValue(Format), stream, maxCellWidth);
        Console.Error.WriteLine(path is null ? $"({result.Rows.Count} rows; {note})" : $"({result.Rows.Count} rows written to {path}; {note})");
    }
}

/// <summary>Rows as an aligned table (CJK counted double-width), CSV (RFC 4180), a JSON array or NDJSON.</summary>
internal static class ResultOutput
{
    /// <summary>A table cell longer than this is cut with "…": long texts (goals, deviations) would hide the rest.</summary>
    public const int MaxCellWidth = 48;

    public static void Write(QueryResult result, ResultFormat format, Stream stream, int maxCellWidth)
    {
        if (format is ResultFormat.Json or ResultFormat.Ndjson)
        {
            WriteJson(result, stream, lines: format == ResultFormat.Ndjson);
            return;
        }
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        if (format == ResultFormat.Table) WriteTable(result, writer, maxCellWidth);
        else WriteCsv(result, writer);
    }

    private static void WriteTable(QueryResult result, TextWriter writer, int maxCellWidth)
    {
        var cells = result.Rows.Select(row => row.Select(v => Shorten(Text(v), maxCellWidth)).ToArray()).ToList();
        var widths = result.Columns.Select((name, i) => cells.Select(r => r[i].GetCellWidth()).Prepend(name.GetCellWidth()).Max()).ToArray();
        var numeric = result.Columns.Select((_, i) => result.Rows.Any(r => r[i] is not null) && result.Rows.All(r => r[i] is null || IsNumber(r[i]!))).ToArray();

        void Line(IReadOnlyList<string> values, bool header)
        {
            var line = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                var pad = new string(' ', widths[i] - values[i].GetCellWidth());
                line.Append(i == 0 ? "" : "  ").Append(numeric[i] && !header ? pad + values[i] : values[i] + pad);
            }
            writer.WriteLine(line.ToString().TrimEnd());
        }

        Line(result.Columns, header: true);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) Line(row, header: false);
    }

    private static void WriteCsv(QueryResult result, TextWriter writer)
    {
        writer.Write(string.Join(",", result.Columns.Select(Quote)) + "\r\n");
        foreach (var row in result.Rows)
            writer.Write(string.Join(",", row.Select(v => Quote(Text(v)))) + "\r\n");

        static string Quote(string value) =>
            value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static void WriteJson(QueryResult result, Stream stream, bool lines)
    {
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        if (!lines) json.WriteStartArray();
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < result.Columns.Count; i++)
            {
                json.WritePropertyName(result.Columns[i]);
                WriteValue(json, row[i]);
            }
            json.WriteEndObject();
            if (!lines) continue;
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
        if (!lines) json.WriteEndArray();
        json.Flush();
        if (!lines) stream.WriteByte((byte)'\n');
    }

    /// <summary>DuckDB values as JSON: numbers stay numbers, lists arrays, structs and maps objects.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case BigInteger b: json.WriteRawValue(b.ToString(CultureInfo.InvariantCulture)); break;
            case sbyte or byte or short or ushort or int or uint or long or ulong: json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
            case string s: json.WriteStringValue(s); break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) WriteValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Text(value)); break;
        }
    }

    /// <summary>One value as text, invariant culture; lists as [a, b] and structs as {k: v}, as DuckDB prints them.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Cast<DictionaryEntry>().Select(e => $"{Text(e.Key)}: {Text(e.Value)}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    /// <summary>One line per cell, at most <paramref name="maxWidth"/> columns wide.</summary>
    private static string Shorten(string text, int maxWidth)
    {
        text = text.ReplaceLineEndings(" ");
        if (text.GetCellWidth() <= maxWidth) return text;
        var cut = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.ToString().GetCellWidth();
            if (width > maxWidth - 1) break;
            cut.Append(rune);
        }
        return cut.Append('…').ToString();
    }
}
