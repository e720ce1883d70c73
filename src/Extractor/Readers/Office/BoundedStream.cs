namespace Extractor.Readers.Office;

/// <summary>
/// A read-only stream over an inflating one that refuses to give more than <c>limit</c> bytes: past it, reading
/// throws the rejection it was given, so a decompression bomb is stopped at the limit, never inflated whole.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, string overLimit) : Stream
{
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count += read;
        if (Count > limit) throw new InputRejectedException(overLimit);
        return read;
    }

    /// <summary>Reads to the end, keeping nothing: the count is what the stream inflates to.</summary>
    public long Drain()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0) { }
        return Count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
