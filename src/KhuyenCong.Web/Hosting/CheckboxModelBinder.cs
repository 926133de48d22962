using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// Binds a checkbox (a non-nullable bool). The framework's own binder keeps a value such as "abc" as the attempted
/// value, and the checkbox tag helper then throws while rendering the form again (a 500 instead of a message); here a
/// value that is not a boolean is a Vietnamese validation error and the box is shown unticked.
/// </summary>
public sealed class CheckboxModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // A ticked box posts "true" and its hidden twin "false": the first value is the box's.
        var value = values.FirstValue;
        if (bool.TryParse(value, out var parsed) || (string.Equals(value, "on", StringComparison.OrdinalIgnoreCase) && (parsed = true)))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(parsed);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: "false");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Ô đánh dấu chỉ nhận giá trị có hoặc không.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Uses <see cref="CheckboxModelBinder"/> for every non-nullable bool bound from a form.</summary>
public sealed class CheckboxModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? new CheckboxModelBinder() : null;
}
