using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KhuyenCong.Web.Pages;

/// <summary>Copies FluentValidation errors into ModelState under the input's prefix (e.g. "Input.Name").</summary>
public static class ValidationExtensions
{
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? prefix : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
