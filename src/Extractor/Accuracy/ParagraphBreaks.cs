using System.Text.Json.Nodes;

namespace Extractor.Accuracy;

/// <summary>
/// The contract's paragraph rule as the comparison applies it: paragraphs "may be kept as \n", so a text that
/// is the expected one with some of its line breaks left out is right. A break the expected text lacks is
/// never right: it is a wrap artifact, which the contract forbids.
/// </summary>
public static class ParagraphBreaks
{
    /// <summary>True when both are strings and <paramref name="actual"/> is <paramref name="expected"/> less some of its "\n".</summary>
    public static bool OnlyDropped(JsonNode? expected, JsonNode? actual) =>
        expected is JsonValue ev && actual is JsonValue av
        && ev.TryGetValue<string>(out var e) && av.TryGetValue<string>(out var a)
        && OnlyDropped(e, a);

    /// <inheritdoc cref="OnlyDropped(JsonNode?, JsonNode?)"/>
    public static bool OnlyDropped(string expected, string actual)
    {
        // Matching a break against a break is never worse than skipping it, so one greedy pass decides.
        var j = 0;
        foreach (var c in expected)
        {
            if (j < actual.Length && actual[j] == c) j++;
            else if (c != '\n') return false;
        }
        return j == actual.Length;
    }
}
