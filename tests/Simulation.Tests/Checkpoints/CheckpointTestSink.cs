using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Tests.Checkpoints;

/// <summary>Writes one checkpoint file at a chosen window boundary (tests).</summary>
internal sealed class CheckpointTestSink(string path, ICheckpointableModel model, long atWindow, string fingerprint = "test-config") : ICheckpointSink
{
    public int Written { get; private set; }

    public bool Due(long windows) => windows == atWindow;

    public void Write(IReadOnlyList<byte[]> sections, long windows)
    {
        var info = new CheckpointInfo(fingerprint, model.Name, model.EntityCount, windows, windows, sections.Max(PartitionSection.LocalTimeOf), "test", DateTime.UtcNow);
        CheckpointFile.Write(path, info, model, sections);
        Written++;
    }
}
