namespace System.Diagnostics
{
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Module, AllowMultiple = false)]
    public sealed class DebuggableAttribute : Attribute
    {
        [Flags]
        public enum DebuggingModes
        {
            None = 0x0,
            Default = 0x1,
            DisableOptimizations = 0x100,
            IgnoreSymbolStoreSequencePoints = 0x2,
            EnableEditAndContinue = 0x4,
        }

        private readonly DebuggingModes _debuggingModes;

        public DebuggableAttribute(bool isJITTrackingEnabled, bool isJITOptimizerDisabled)
        {
            _debuggingModes = 0;
            if (isJITTrackingEnabled)
                _debuggingModes |= DebuggingModes.Default;
            if (isJITOptimizerDisabled)
                _debuggingModes |= DebuggingModes.DisableOptimizations;
        }

        public DebuggableAttribute(DebuggingModes modes)
        {
            _debuggingModes = modes;
        }

        public bool IsJITTrackingEnabled
        {
            get { return (_debuggingModes & DebuggingModes.Default) != 0; }
        }

        public bool IsJITOptimizerDisabled
        {
            get { return (_debuggingModes & DebuggingModes.DisableOptimizations) != 0; }
        }

        public DebuggingModes DebuggingFlags
        {
            get { return _debuggingModes; }
        }
    }
}
