using System.Collections.Concurrent;
using Extractor.Output;
using Extractor.Readers;
using Serilog;

namespace Extractor.Isolation;

/// <summary>
/// Reads files in supervised reader processes of this program (the pattern of Apache Tika's forked parser): each
/// caller thread takes an idle process or starts one, so there are as many as files read at once. A process that was
/// killed over a limit or crashed is replaced by a new one for the next file, and the file's caller gets a
/// <see cref="ReaderStoppedException"/> with the reason.
/// </summary>
public sealed class ReaderProcessPool(ReaderCommand command, ReaderOptions options, ILogger log) : IFileExtractor, IDisposable
{
    private readonly ConcurrentBag<ReaderProcess> _idle = [];
    private volatile bool _disposed;

    public FileExtraction Extract(InputFile file, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var path = file.RawPath ?? throw new ArgumentException("a reader process reads files by path; this input was made from bytes", nameof(file));
        var process = Rent();
        var healthy = false;
        try
        {
            var reply = process.Read(path, file.Name, cancellationToken);
            healthy = true;
            return Result(file, reply);
        }
        finally
        {
            if (healthy && process.IsAlive && !_disposed) _idle.Add(process);
            else process.Dispose();
        }
    }

    public bool ReadsInThisProcess => false;

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var process)) process.Dispose();
    }

    private ReaderProcess Rent()
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsAlive) return idle;
            idle.Dispose();
        }
        return ReaderProcess.Start(command, options, log);
    }

    private static FileExtraction Result(InputFile file, ReaderReply reply)
    {
        if (reply.Rejected is not null) throw new InputRejectedException(reply.Rejected) { Reader = reply.Reader };
        if (reply.Transient is not null) throw new IOException(reply.Transient);
        if (reply.Failed is not null) throw new ReaderFailedException(reply.Failed);
        if (reply.Sha256 != file.Sha256) throw new IOException($"{file.Name} changed while it was read");
        var kind = Enum.Parse<InputKind>(reply.Kind ?? throw new ReaderFailedException("the reader named no input kind"));
        return new FileExtraction(file, kind, reply.Forms ?? [], reply.Skipped ?? []);
    }
}
