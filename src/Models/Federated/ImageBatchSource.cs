using FgsActors.Models.Data;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Federated;

/// <summary>An <see cref="ImageDataset"/> (grey images, one channel) as the trainer's batch source.</summary>
public sealed class ImageBatchSource(ImageDataset images) : IBatchSource
{
    public ImageDataset Images { get; } = images ?? throw new ArgumentNullException(nameof(images));
    public int Count => Images.Count;
    public int Channels => 1;
    public int Height => Images.Height;
    public int Width => Images.Width;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> pixels, Span<long> labels)
    {
        Images.CopyBatch(indices, pixels);
        Images.CopyLabels(indices, labels);
    }
}
