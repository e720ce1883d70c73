using System.Text;
using System.Text.Json;
using Extractor.Files;
using Extractor.Readers;

namespace Extractor.Isolation;

/// <summary>
/// The loop of a reader process (`extractor reader`, started by <see cref="ReaderProcessPool"/>): a request a line on
/// standard input, a reply a line on its own copy of standard output, until standard input closes. A file that
/// exhausts the process's capped heap is refused with that reason and the process ends, so the next file gets a
/// fresh one.
/// </summary>
public static class ReaderChild
{
    /// <summary>Exit code after a file exhausted the heap: the pool starts a new process.</summary>
    public const int ExitAfterExhaustion = 3;

    /// <summary>The first line a reader process writes, once it is set up: a file's time limit starts after it.</summary>
    public const string Ready = "ready";

    public static int Run(IFileExtractor pipeline, InputLimits limits, int memoryLimitMegabytes)
    {
        using var protocol = NativeFiles.TakeStandardOutput();
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        protocol.Write(Encoding.UTF8.GetBytes(Ready + "\n"));
        protocol.Flush();
        while (input.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize(line, ReaderJsonContext.Default.ReaderRequest)
                ?? throw new InvalidDataException("empty request");
            var (reply, exhausted) = Read(pipeline, limits, request, memoryLimitMegabytes);
            protocol.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reply, ReaderJson.Lines) + "\n"));
            protocol.Flush();
            if (exhausted) return ExitAfterExhaustion;
        }
        return 0;
    }

    private static (ReaderReply Reply, bool Exhausted) Read(IFileExtractor pipeline, InputLimits limits, ReaderRequest request, int memoryLimitMegabytes)
    {
        try
        {
            var file = InputFile.Load(request.Path, request.Name, limits.MaxFileBytes);
            var extraction = pipeline.Extract(file);
            return (new ReaderReply
            {
                Sha256 = file.Sha256,
                Kind = extraction.Kind.ToString(),
                Forms = extraction.Forms.ToList(),
                Skipped = extraction.Skipped.ToList(),
            }, false);
        }
        catch (InputRejectedException e)
        {
            return (new ReaderReply { Rejected = e.Reason, Reader = e.Reader }, false);
        }
        catch (OutOfMemoryException)
        {
            var reason = $"reading it needs more memory than a reader may use ({memoryLimitMegabytes} MiB, Extractor:Readers:MemoryLimitMegabytes)";
            return (new ReaderReply { Rejected = reason }, true);
        }
        catch (IOException e)
        {
            return (new ReaderReply { Transient = e.Message }, false);
        }
        catch (Exception e)
        {
            return (new ReaderReply { Failed = $"the reader failed: {e.GetType().Name}: {e.Message}" }, false);
        }
    }
}
