using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extractor.Mapping;
using Extractor.Output;
using Extractor.Validation;

namespace Extractor.Store.Review;

/// <summary>A reviewer's correction of one value: the field's path, the new value (a JSON number, text or null), who, and why.</summary>
public sealed record CorrectionRequest(string? Field, JsonNode? To, string? By, string? Note);

/// <summary>A correction that cannot be made as asked (unknown field, a value of the wrong type): the message says why.</summary>
public sealed class CorrectionRejectedException(string message) : Exception(message);

/// <summary>
/// The store's documents as reviewers see and correct them. A correction replaces the value in the outbox document,
/// appends a <c>corrections</c> entry (from = the value before), recomputes the checks (<see cref="FormValidator.Revalidate"/>),
/// rewrites the document atomically and records the correction in the ledger. Form ids are checked to name a document
/// of the outbox itself, so no request reads or writes anything else.
/// </summary>
public sealed class FormCorrections(DataFolder data, Ledger.Ledger ledger, FormValidator validator, TimeProvider? clock = null)
{
    /// <summary>Longest reviewer name and note, and longest corrected text, in characters.</summary>
    public const int MaxName = 200, MaxNote = 2000, MaxText = 20000;

    /// <summary>One correction at a time: two reviewers saving the same form must not lose one of the two.</summary>
    private static readonly Lock Writing = new();

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The outbox file of a form id; null for an id that names no document of the outbox (or tries to leave it).</summary>
    public string? DocumentPath(string formId)
    {
        if (formId.Length is 0 or > 255 || formId.StartsWith('.') || formId.Any(c => c is '/' or '\\' || char.IsControl(c))) return null;
        var path = Path.GetFullPath(Path.Combine(data.Outbox, formId + ".json"));
        return Path.GetDirectoryName(path) == Path.GetFullPath(data.Outbox) && File.Exists(path) ? path : null;
    }

    /// <summary>The document of a form; null when there is no such form.</summary>
    public EvaluationForm? Load(string formId) =>
        DocumentPath(formId) is { } path ? FormJson.Deserialize(File.ReadAllText(path)) : null;

    /// <summary>Applies a correction and answers the document as written; null when there is no such form.</summary>
    public EvaluationForm? Apply(string formId, CorrectionRequest request)
    {
        var by = Required(request.By, "by", MaxName);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : Limited(request.Note.Trim(), "note", MaxNote);
        lock (Writing)
        {
            if (DocumentPath(formId) is not { } path) return null;
            var form = FormJson.Deserialize(File.ReadAllText(path));
            var fieldPath = Required(request.Field, "field", 200);
            var field = FormFields.Find(form, fieldPath)
                ?? throw new CorrectionRejectedException($"the form has no field \"{fieldPath}\" (fields are named as in checks: projectName, funds.rows.total.executed, indicators[0].score …)");
            var value = Value(field, request.To);
            var correction = new Correction
            {
                Field = field.Path,
                From = Node(field.Get()),
                To = Node(value),
                By = by,
                At = _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Note = note,
            };
            field.Set(value);
            form.Corrections.Add(correction);
            validator.Revalidate(form);
            Write(form, path);
            ledger.RecordCorrection(formId, field.Path, correction.From?.ToJsonString(), correction.To?.ToJsonString(), by, note, correction.At);
            return form;
        }
    }

    /// <summary>
    /// Rewrites the document in place, atomically. The query cache knows a file by its size and time: should the
    /// rewrite have both unchanged (same length, a coarse clock), the time is moved on so the change is seen.
    /// </summary>
    private static void Write(EvaluationForm form, string path)
    {
        var before = new FileInfo(path);
        var (length, time) = (before.Length, before.LastWriteTimeUtc);
        FormJson.WriteTo(form, path);
        var after = new FileInfo(path);
        if (after.Length == length && after.LastWriteTimeUtc <= time) File.SetLastWriteTimeUtc(path, time.AddSeconds(1));
    }

    /// <summary>The value as the field's type holds it; a value of another type is refused with what was expected.</summary>
    private static object? Value(FormField field, JsonNode? to)
    {
        if (to is null) return null;
        if (to is not JsonValue value) throw Wrong(field, "a number, a text or null, not an object or a list");
        switch (field.Kind)
        {
            case FieldKind.Number when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) && Math.Abs(number) < NumberText.Limit:
                return NumberText.Normalize(number);
            case FieldKind.Number:
                throw Wrong(field, $"a number under {NumberText.Limit:0} (or null for a blank cell)");
            case FieldKind.Year when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var year) && year is >= 1990 and <= 2100:
                return year;
            case FieldKind.Year:
                throw Wrong(field, "a year from 1990 to 2100 (or null)");
            case FieldKind.Unit when value.GetValueKind() == JsonValueKind.String && FormFields.Units.Contains(value.GetValue<string>()):
                return value.GetValue<string>();
            case FieldKind.Unit:
                throw Wrong(field, $"one of {string.Join(", ", FormFields.Units)}");
            case FieldKind.Text when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                return text.Length == 0 ? null : Limited(text, field.Path, MaxText);
            default:
                throw Wrong(field, "a text (or null for a blank cell)");
        }
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        decimal d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"a form value of type {value.GetType().Name}"),
    };

    private static CorrectionRejectedException Wrong(FormField field, string expected) => new($"{field.Path} takes {expected}");

    private static string Required(string? text, string name, int max) =>
        string.IsNullOrWhiteSpace(text) ? throw new CorrectionRejectedException($"\"{name}\" is required") : Limited(text.Trim(), name, max);

    private static string Limited(string text, string name, int max) =>
        text.Length <= max ? text : throw new CorrectionRejectedException($"\"{name}\" is longer than {max} characters");
}
