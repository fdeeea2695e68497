namespace Station.Core.Cloud
{
    /// <summary>What the station answered to a cloud command: accepted or not, the reason code, and words.</summary>
    /// <remarks>A class: nanoFramework's interpreter puts every value-type copy on its heap anyway; a result is
    /// made per cloud command, outside the control tick.</remarks>
    public sealed class CloudResult
    {
        /// <summary>True when the command was applied.</summary>
        public bool Accepted;
        /// <summary>Reason code (Accepted when applied).</summary>
        public CloudReason Reason;
        /// <summary>Detail for people (which interlock, which value), or a value for config.get; may be null.</summary>
        public string Message;

        /// <summary>An accepted result with an optional message.</summary>
        public static CloudResult Ok(string message)
        {
            CloudResult r = new CloudResult();
            r.Accepted = true;
            r.Reason = CloudReason.Accepted;
            r.Message = message;
            return r;
        }

        /// <summary>A refusal with its reason.</summary>
        public static CloudResult Refuse(CloudReason reason, string message)
        {
            CloudResult r = new CloudResult();
            r.Accepted = false;
            r.Reason = reason;
            r.Message = message;
            return r;
        }
    }
}
