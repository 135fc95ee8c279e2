namespace FgsActors.Models.Fidelity;

/// <summary>Where <see cref="ReferenceClassifier.LoadOrTrain(Data.ImageDataset, string, ReferenceRecipe?, CancellationToken)"/> got the weights.</summary>
public enum ReferenceCacheStatus
{
    /// <summary>From the cache file, which checked out (magic, version, key, size, weight hash).</summary>
    Loaded,

    /// <summary>Trained: there was no cache file for this key.</summary>
    Trained,

    /// <summary>Trained: a cache file existed but was unusable (<see cref="ReferenceLoadResult.Problem"/> says why); it was overwritten.</summary>
    Retrained,
}

/// <summary>The classifier and how it was obtained, for the caller to report.</summary>
/// <param name="Classifier">The reference classifier.</param>
/// <param name="Status">Loaded from the cache, trained, or retrained over an unusable file.</param>
/// <param name="CachePath">The cache file for this key (read, or written).</param>
/// <param name="Problem">Why an existing file was not used (<see cref="ReferenceCacheStatus.Retrained"/>); otherwise null.</param>
/// <param name="WriteError">Why the trained weights could not be saved (the classifier is usable all the same); null when saved or loaded.</param>
/// <param name="TrainingTime">Wall time of the training; zero when loaded.</param>
public sealed record ReferenceLoadResult(
    ReferenceClassifier Classifier,
    ReferenceCacheStatus Status,
    string CachePath,
    string? Problem,
    string? WriteError,
    TimeSpan TrainingTime)
{
    /// <summary>Whether the weights were trained in this call (not loaded).</summary>
    public bool Trained => Status != ReferenceCacheStatus.Loaded;

    /// <summary>One line saying where the weights came from, for logs and the command line.</summary>
    public string Message
    {
        get
        {
            var seconds = TrainingTime.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var saved = WriteError is null ? $"saved to {CachePath}" : $"not saved ({WriteError})";
            return Status switch
            {
                ReferenceCacheStatus.Loaded => $"loaded from cache {CachePath}",
                ReferenceCacheStatus.Trained => $"trained in {seconds} s (no cache file yet), {saved}",
                _ => $"retrained in {seconds} s because the cache file was unusable: {Problem}; {saved}",
            };
        }
    }
}
