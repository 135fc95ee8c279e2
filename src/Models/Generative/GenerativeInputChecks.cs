using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative;

/// <summary>
/// Argument checks shared by the <see cref="IGenerativeModel"/> implementations, so that every model rejects a
/// malformed job or sampling call with the same clear <see cref="ArgumentException"/> before any native code runs.
/// </summary>
internal static class GenerativeInputChecks
{
    /// <summary>Throws unless <paramref name="job"/> fits <paramref name="model"/>: weights length, data shape, indices and hyperparameters.</summary>
    public static void RequireValidJob(IGenerativeModel model, GenerativeJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(job.GlobalWeights, nameof(job.GlobalWeights));
        ArgumentNullException.ThrowIfNull(job.Data, nameof(job.Data));
        ArgumentNullException.ThrowIfNull(job.SampleIndices, nameof(job.SampleIndices));
        ArgumentNullException.ThrowIfNull(job.Hyperparameters, nameof(job.Hyperparameters));
        RequireWeights(model, job.GlobalWeights, nameof(job));
        var shape = job.Data.SampleShape();
        if (shape != model.Image)
            throw new ArgumentException($"samples are {shape}, {model.Name} generates {model.Image} images", nameof(job));
        if (job.SampleIndices.Length == 0)
            throw new ArgumentException("a training job needs at least one sample index", nameof(job));
        var count = job.Data.Count;
        foreach (var index in job.SampleIndices)
        {
            if ((uint)index >= (uint)count)
                throw new ArgumentException($"sample index {index} is outside the data set [0, {count})", nameof(job));
        }
        RequireValidHyperparameters(model, job.Hyperparameters);
    }

    /// <summary>Throws unless the settings are usable by <paramref name="model"/> (the discriminator rate only for a GAN).</summary>
    public static void RequireValidHyperparameters(IGenerativeModel model, GenerativeHyperparameters hp)
    {
        const string name = "job";
        if (hp.LocalSteps < 1)
            throw new ArgumentException($"local steps must be ≥ 1, got {hp.LocalSteps}", name);
        if (hp.BatchSize < 1)
            throw new ArgumentException($"batch size must be ≥ 1, got {hp.BatchSize}", name);
        if (!(double.IsFinite(hp.LearningRate) && hp.LearningRate > 0))
            throw new ArgumentException($"learning rate must be finite and > 0, got {hp.LearningRate}", name);
        if (model.Kind == GenerativeKind.CGan && !(double.IsFinite(hp.DiscriminatorLearningRate) && hp.DiscriminatorLearningRate > 0))
            throw new ArgumentException($"discriminator learning rate must be finite and > 0, got {hp.DiscriminatorLearningRate}", name);
        if (!(hp.Beta1 >= 0 && hp.Beta1 < 1))
            throw new ArgumentException($"Adam β1 must lie in [0, 1), got {hp.Beta1}", name);
        if (!(hp.Beta2 >= 0 && hp.Beta2 < 1))
            throw new ArgumentException($"Adam β2 must lie in [0, 1), got {hp.Beta2}", name);
    }

    /// <summary>Throws unless the arguments of <see cref="IGenerativeModel.Sample"/> fit <paramref name="model"/>.</summary>
    public static void RequireValidSampling(IGenerativeModel model, float[] weights, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(weights);
        RequireWeights(model, weights, nameof(weights));
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)model.Classes)
                throw new ArgumentException($"label {labels[i]} at position {i} is outside [0, {model.Classes})", nameof(labels));
        }
    }

    private static void RequireWeights(IGenerativeModel model, float[] weights, string paramName)
    {
        if (weights.Length != model.ParameterCount)
            throw new ArgumentException($"weights hold {weights.Length} floats, {model.Name} has {model.ParameterCount} parameters", paramName);
    }
}
