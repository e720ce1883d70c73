using System.Text;

namespace Extractor.Files;

/// <summary>Control characters in a file name shown as escapes, so a name cannot forge or garble a log line.</summary>
public static class ControlText
{
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!char.IsControl(c)) escaped.Append(c);
            else escaped.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
        }
        return escaped.ToString();
    }
}
