namespace FgsActors.Models.Fidelity;

/// <summary>
/// What the reference classifier says about a set of images, one row per image in input order: the feature vectors
/// (the input of its last layer; FID is computed on them) and the class probabilities (softmax of its logits,
/// computed in double precision so each row sums to 1 within 1e-15; IS and class coverage use them).
/// </summary>
/// <param name="Features">N rows of <see cref="ReferenceClassifier.FeatureDimension"/> floats.</param>
/// <param name="Probabilities">N rows of <see cref="ReferenceClassifier.ClassCount"/> probabilities.</param>
public sealed record ReferenceOutputs(float[][] Features, double[][] Probabilities)
{
    /// <summary>Number of images.</summary>
    public int Count => Features.Length;

    /// <summary>The most probable class of each image (ties to the lowest index).</summary>
    public int[] PredictedLabels()
    {
        var labels = new int[Probabilities.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = Probabilities[i];
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best]) best = c;
            }
            labels[i] = best;
        }
        return labels;
    }
}
