using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Diffusion;
using FgsActors.Models.Generative.Gan;
using FgsActors.Models.Generative.Vae;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Hosting;

/// <summary>The generator fgs.generative.model names, with the architecture's defaults (docs/generative.md).</summary>
public static class GeneratorCatalog
{
    public static IGenerativeModel Create(GenerativeConfig generative)
    {
        ArgumentNullException.ThrowIfNull(generative);
        return generative.Model switch
        {
            GeneratorModel.CGan => new ConditionalGan(generatorWidth: generative.GanWidth, discriminatorWidth: generative.GanWidth),
            GeneratorModel.Ddpm => CreateDiffusion(generative),
            _ => new ConditionalVae(),
        };
    }

    private static ConditionalDdpm CreateDiffusion(GenerativeConfig generative) =>
        new(new ConditionalDdpmOptions { DiffusionSteps = generative.DiffusionSteps, SamplingSteps = generative.SamplingSteps });
}
