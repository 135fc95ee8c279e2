using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// The sizes of a <see cref="DiffusionUNet"/>: image shape, base width C and classes. The time encoding has d = C
/// values and the conditioning vector E = 4·C (Ho et al. 2020 use a time-embedding width of four times the base
/// channels). C must be a multiple of <see cref="ResidualBlock.NormGroups"/> (every GroupNorm has 8 groups), and the
/// image's height and width multiples of 4 (two halvings and two doublings must return to the same size).
/// </summary>
public sealed record UNetShape
{
    public UNetShape(FeatureShape image, int baseChannels, int classes)
    {
        if (image.Height % 4 != 0 || image.Width % 4 != 0)
            throw new ArgumentException($"the U-Net halves the image twice: height and width must be multiples of 4, not {image}", nameof(image));
        if (baseChannels < ResidualBlock.NormGroups || baseChannels % ResidualBlock.NormGroups != 0)
            throw new ArgumentOutOfRangeException(nameof(baseChannels), baseChannels,
                $"base channels must be a positive multiple of {ResidualBlock.NormGroups} (the GroupNorm group count)");
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Image = image;
        BaseChannels = baseChannels;
        Classes = classes;
    }

    /// <summary>Shape of one image, c_img × H × W.</summary>
    public FeatureShape Image { get; }

    /// <summary>C, channels at full resolution (2·C at the lower two).</summary>
    public int BaseChannels { get; }

    /// <summary>Number of classes the model is conditioned on.</summary>
    public int Classes { get; }

    /// <summary>d, width of the sinusoidal time encoding: C.</summary>
    public int TimeFeatures => BaseChannels;

    /// <summary>E, width of the conditioning vector: 4·C.</summary>
    public int EmbeddingWidth => 4 * BaseChannels;
}
