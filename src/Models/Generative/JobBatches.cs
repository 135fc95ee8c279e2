using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Generative;

/// <summary>
/// The mini-batches of a <see cref="GenerativeJob"/>: the client's indices visited in a fresh random order per pass,
/// B = min(BatchSize, shard size) at a time, cycling through as many passes as the job's steps need. A pass does not
/// wrap into the next: its last batch holds the remainder (shard size mod B) when B does not divide the shard
/// (PyTorch's <c>drop_last = False</c>, as <see cref="LocalTrainer"/> does), so every sample is seen once per pass.
/// <para>
/// The order is shuffled with the job's own xoshiro256** stream at the start of each pass, so the batches depend on
/// the job's seed only. Batches are copied into two reusable staging buffers (full and remainder sizes), and the
/// labels are checked against the model's class count.
/// </para>
/// </summary>
internal sealed class JobBatches
{
    private readonly IBatchSource _data;
    private readonly int[] _order;
    private readonly Xoshiro256StarStar _random;
    private readonly int _classes;
    private readonly StagedBatch _full;
    private readonly StagedBatch? _remainder;
    private int _position;

    /// <param name="data">The data set the indices refer to.</param>
    /// <param name="indices">The client's samples (copied; validated by the caller).</param>
    /// <param name="batchSize">Requested batch size, ≥ 1.</param>
    /// <param name="classes">Labels must lie in [0, classes).</param>
    /// <param name="random">The job's stream; each pass draws its shuffle from it.</param>
    public JobBatches(IBatchSource data, int[] indices, int batchSize, int classes, Xoshiro256StarStar random)
    {
        _data = data;
        _order = (int[])indices.Clone();
        _random = random;
        _classes = classes;
        var sampleLength = data.SampleShape().Elements;
        BatchSize = Math.Min(batchSize, _order.Length);
        _full = new StagedBatch(BatchSize, sampleLength);
        var remainder = _order.Length % BatchSize;
        _remainder = remainder > 0 ? new StagedBatch(remainder, sampleLength) : null;
    }

    /// <summary>B, the size of every batch but the last of a pass.</summary>
    public int BatchSize { get; }

    /// <summary>Copies the next batch into a staging buffer and returns it (valid until the next call).</summary>
    public StagedBatch Next()
    {
        if (_position == 0)
            _random.Shuffle(_order.AsSpan());
        var count = Math.Min(BatchSize, _order.Length - _position);
        var batch = count == BatchSize ? _full : _remainder!;
        var indices = _order.AsSpan(_position, count);
        _data.CopyBatch(indices, batch.Pixels, batch.Labels);
        for (var i = 0; i < count; i++)
        {
            var label = batch.Labels[i];
            if (label < 0 || label >= _classes)
                throw new ArgumentException($"sample {indices[i]} has label {label}, outside the model's [0, {_classes})");
        }
        _position += count;
        if (_position == _order.Length)
            _position = 0;
        return batch;
    }
}

/// <summary>Managed staging arrays for one batch size: pixels (n × C·H·W, in [0, 1]) and labels.</summary>
internal sealed class StagedBatch(int count, int sampleLength)
{
    /// <summary>Samples in the batch.</summary>
    public int Count { get; } = count;

    public float[] Pixels { get; } = new float[checked(count * sampleLength)];

    public long[] Labels { get; } = new long[count];
}
