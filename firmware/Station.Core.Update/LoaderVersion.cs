namespace Station.Core.Update
{
    /// <summary>The version of the station's loader (the small, stable part that picks and loads an image); a bundle
    /// names the lowest loader it needs (manifest line <c>min-loader</c>).</summary>
    public static class LoaderVersion
    {
        /// <summary>This loader: 1 loads the manifest's assemblies in order with <c>Assembly.Load(byte[])</c>.</summary>
        public const int Current = 1;
    }
}
