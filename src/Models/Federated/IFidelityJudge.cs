namespace FgsActors.Models.Federated;

/// <summary>
/// Measures generated images against real data with a reference classifier (FID, Inception-style score, class coverage,
/// conditional accuracy) and against each listed device's own data (local FID). Deterministic for the same inputs.
/// </summary>
public interface IFidelityJudge
{
    /// <summary>
    /// Fidelity of <paramref name="images"/> (labels.Length × C×H×W floats in [0, 1], image i generated for class
    /// labels[i]) globally and against each of <paramref name="locals"/>.
    /// </summary>
    GeneratorFidelity Judge(float[] images, int[] labels, IReadOnlyList<LocalData> locals);
}

/// <summary>One device's current real data for local FID.</summary>
public sealed record LocalData(int Device, ClientData Data);
