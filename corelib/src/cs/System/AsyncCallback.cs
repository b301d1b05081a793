namespace System
{
    public delegate void AsyncCallback(IAsyncResult ar);
}
