namespace Station.Core.Update
{
    /// <summary>What the loader needs from the runtime: load one assembly of an image (on nanoFramework
    /// <c>Assembly.Load(byte[])</c>). Every decision around it — which image, whether it is genuine, what to do when it
    /// does not load — is <see cref="ImageBoot"/>'s.</summary>
    public interface IImageLoader
    {
        /// <summary>Loads the assembly <paramref name="name"/> from <paramref name="image"/>; false when the runtime refused it.</summary>
        bool Load(string name, byte[] image);
    }
}
