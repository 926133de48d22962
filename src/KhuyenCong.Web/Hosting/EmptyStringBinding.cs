using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// An empty form field bound to a string the code declares non-nullable stays "" instead of becoming null, so that
/// a field a user (or an attacker) leaves empty reaches the validators as empty text, never as a null they did not
/// expect (which was a 500 on several reference and account forms).
/// </summary>
public sealed class EmptyStringBinding : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property }
            && property.PropertyType == typeof(string)
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
