using FgsActors.Models.Federated;

namespace FgsActors.Models.Tests.Federated;

/// <summary>A fidelity judge that records what it was given and answers <see cref="Answer"/> (LocalDevices = the locals it got).</summary>
internal sealed class RecordingJudge : IFidelityJudge
{
    public List<(float[] Images, int[] Labels, LocalData[] Locals)> Calls { get; } = new();

    public GeneratorFidelity Answer { get; set; } = new(Fid: 12.5, InceptionScore: 3.25, Coverage: 0.75,
        ConditionalAccuracy: 0.625, LocalFidMean: 20, LocalFidMax: 30, LocalDevices: 0);

    public GeneratorFidelity Judge(float[] images, int[] labels, IReadOnlyList<LocalData> locals)
    {
        Calls.Add(((float[])images.Clone(), (int[])labels.Clone(), locals.ToArray()));
        return Answer with { LocalDevices = locals.Count };
    }
}
