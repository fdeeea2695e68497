using System;
using System.Reflection;
using Station.Core.Update;

namespace Station.Device
{
    /// <summary>The runtime half of the loader: <c>Assembly.Load(byte[])</c> of each assembly of a checked image, and
    /// the hand-over to the image's application. Decisions are <see cref="ImageBoot"/>'s.</summary>
    internal sealed class AssemblyImageLoader : IImageLoader
    {
        /// <summary>The type and method an image's application assembly (its last in manifest order) starts from.</summary>
        public const string EntryType = "Station.Device.Program", EntryMethod = "RunLoaded";

        private Assembly _last;

        /// <inheritdoc />
        public bool Load(string name, byte[] image)
        {
            try
            {
                _last = Assembly.Load(image);
                return (object)_last != null; // reference test: nanoFramework has no Assembly operators
            }
            catch (Exception)
            {
                return false; // not a .pe this runtime takes (wrong version of a dependency, damaged): the loader falls back
            }
        }

        /// <summary>Runs the loaded image's application (does not return while it runs); throws when the image has no
        /// entry point.</summary>
        public void Enter()
        {
            // Reference tests through object: nanoFramework's reflection types have no == operators.
            Type entry = (object)_last == null ? null : _last.GetType(EntryType);
            MethodInfo run = (object)entry == null ? null : entry.GetMethod(EntryMethod);
            if ((object)run == null) throw new InvalidOperationException("the image has no " + EntryType + "." + EntryMethod);
            run.Invoke(null, null);
        }
    }
}
