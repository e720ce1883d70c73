namespace Extractor.Readers.Ocr.Paddle;

/// <summary>A character of a recognised line: its text, the time steps it was seen at, and its probability.</summary>
internal sealed record RecognisedCharacter(string Text, int FirstStep, int LastStep, float Probability);

/// <summary>
/// Greedy CTC decoding of PP-OCR's recognition output: at each time step the likeliest class; repeats of a
/// class collapse into one character, blanks (class 0) separate characters. Classes 1…n are the lines of the
/// character list, n + 1 a space (PaddleOCR's use_space_char).
/// </summary>
internal static class CtcDecoding
{
    public const int Blank = 0;

    /// <summary>
    /// The characters of one line from its [steps × classes] probabilities (the model's softmax output). A
    /// character's probability is its best step's: a glyph seen clearly at one step is not doubted for the next.
    /// </summary>
    public static List<RecognisedCharacter> Decode(ReadOnlySpan<float> probabilities, int steps, IReadOnlyList<string> characters)
    {
        var classes = characters.Count + 2;
        var decoded = new List<RecognisedCharacter>();
        var previous = Blank;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
                if (row[c] > row[best]) best = c;
            if (best != Blank && best == previous)
            {
                var last = decoded[^1];
                decoded[^1] = last with { LastStep = t, Probability = Math.Max(last.Probability, row[best]) };
            }
            else if (best != Blank)
                decoded.Add(new RecognisedCharacter(best <= characters.Count ? characters[best - 1] : " ", t, t, row[best]));
            previous = best;
        }
        return decoded;
    }
}
