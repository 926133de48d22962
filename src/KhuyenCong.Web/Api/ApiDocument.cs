using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The OpenAPI 3.1 document of the API (<c>/openapi/v1.json</c>, docs/api.md): only the <c>/api/v1</c> operations, in
/// Vietnamese, with the token scheme required by every operation, the problem-details schema and the standard error
/// answers described once here instead of on each endpoint. Schema and property descriptions come from the XML doc
/// comments of the response records (the OpenApi source generator reads them; GenerateDocumentationFile is on).
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    /// <summary>The security scheme's name in the document; Scalar preselects it.</summary>
    public const string SecurityScheme = "bearer";

    public const string Title = "API Cổng thông tin Khuyến công";

    /// <summary>The interactive reference page (Scalar) for signed-in users; outside /api so it is a page, not the API.</summary>
    public const string ReferencePath = "/tai-lieu-api";

    private const string Description = """
        Dữ liệu của Cổng thông tin Khuyến công (đề án, kế hoạch, giải ngân, báo cáo định kỳ, danh mục) cho các hệ thống
        khác của Bộ và của các tỉnh, theo đúng vai trò và phạm vi của người dùng như trên các trang.

        - **Xác thực**: mã truy cập cá nhân `kc_…` trong tiêu đề `Authorization: Bearer kc_…`; tạo, xem lần dùng cuối và
          thu hồi mã ở trang Tài khoản › Mã truy cập API (`/Account/Tokens`). Mã có hạn (tối đa một năm) và chỉ được
          làm những gì tài khoản của nó được làm.
        - **Phân trang**: danh sách trả `items` và `nextCursor`; gửi lại `cursor=<nextCursor>` để lấy trang sau, cho đến
          khi `nextCursor` là null. `limit` từ 1 đến 1000 (mặc định 100). Thứ tự sắp xếp ghi ở từng điểm cuối.
        - **Lỗi**: RFC 9457 problem details (`application/problem+json`) với `title`/`detail` tiếng Việt và `traceId`
          để báo quản trị viên; lỗi nhập sổ Excel có thêm `errors` (sheet, dòng, cột, thông báo).
        - **Giới hạn tần suất**: theo từng mã; quá giới hạn nhận 429 với tiêu đề `Retry-After` (giây).
        - **Quy ước**: tiền là số nguyên đồng; ngày theo ISO 8601 (`yyyy-MM-dd`), thời điểm theo UTC (`…Z`); mã tỉnh,
          nội dung, nguồn, loại, trạng thái đúng như trong sổ trao đổi Excel.

        Hướng dẫn đầy đủ kèm một phiên `curl`: docs/api.md trong mã nguồn của cổng.
        """;

    private const string ProblemSchema = "ProblemDetails";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // Pages, the health check and the reference page itself are not the API.
        options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true
            || string.Equals(description.RelativePath, "api/v1", StringComparison.OrdinalIgnoreCase);
        options.AddSchemaTransformer(DescribeSchema);
        options.AddOperationTransformer(DescribeOperation);
        options.AddDocumentTransformer(DescribeDocument);
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo { Title = Title, Version = "1", Description = Description };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "kc_…",
            Description = "Mã truy cập cá nhân (dạng kc_…), tạo ở trang Tài khoản › Mã truy cập API (/Account/Tokens) hoặc bằng lệnh create-token; gửi trong tiêu đề Authorization: Bearer kc_…. Mã hành động với đúng vai trò và phạm vi của người dùng đã tạo nó.",
        };
        // Every operation needs the token: the document says so once, and Scalar sends it on every call it tries.
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (ResponseDescription(status) is { } text)
            {
                concrete.Description = text;
            }

            if (status == "429")
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Số giây phải chờ trước khi gửi yêu cầu tiếp theo bằng mã này.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Vietnamese descriptions of the answers every endpoint may give (the framework writes "Unauthorized" …).</summary>
    public static string? ResponseDescription(string status) => status switch
    {
        "200" => "Thành công.",
        "201" => "Đã tạo.",
        "202" => "Đã nhận, đang xử lý.",
        "204" => "Thành công, không có nội dung trả về.",
        "304" => "Không thay đổi: bản ghi vẫn đúng như ETag đã gửi trong If-None-Match.",
        "400" => "Yêu cầu không hợp lệ (tham số sai, cursor sai, tệp không đọc được); detail nói rõ tham số nào.",
        "401" => "Thiếu mã truy cập, mã sai, hết hạn hoặc đã thu hồi.",
        "403" => "Vai trò hoặc phạm vi của tài khoản gắn với mã không được làm thao tác này.",
        "404" => "Không có bản ghi này, hoặc nó nằm ngoài phạm vi của tài khoản (như trên các trang).",
        "409" => "Xung đột dữ liệu: cơ sở dữ liệu đang bận hoặc trạng thái không cho phép; không có gì được ghi.",
        "412" => "Bản ghi đã thay đổi từ khi đọc: If-Match không khớp ETag hiện tại; hãy đọc lại rồi gửi lại.",
        "413" => "Tệp gửi lên quá lớn.",
        "415" => "Định dạng nội dung không được hỗ trợ.",
        "422" => "Dữ liệu không hợp lệ; detail (và errors với sổ Excel) nói rõ chỗ sai. Không có gì được ghi.",
        "428" => "Thiếu tiêu đề If-Match (ETag của bản ghi đã đọc).",
        "429" => "Quá nhiều yêu cầu từ mã này; hãy chờ số giây trong tiêu đề Retry-After.",
        "503" => "Mọi lượt nhập dữ liệu của máy chủ đang bận; không có gì được ghi, hãy thử lại sau ít phút.",
        _ => null,
    };

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            DescribeProblem(schema);
        }
        else if (type == typeof(MeResponse))
        {
            schema.Examples = [new JsonObject
            {
                ["id"] = "3f1c2a9e-7b4d-4e8a-9c61-0d5b2e7f8a13",
                ["email"] = "chuyenvien.bacninh@sct.bacninh.gov.vn",
                ["fullName"] = "Nguyễn Văn An",
                ["role"] = "ProvinceOfficer",
                ["provinceCode"] = "24",
                ["regions"] = new JsonArray(),
                ["tokenName"] = "Đồng bộ thống kê",
            }];
        }

        return Task.CompletedTask;
    }

    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description = "Lỗi theo RFC 9457 (application/problem+json). title và detail bằng tiếng Việt; traceId là mã theo dõi để báo quản trị viên.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        Describe(schema, "type", "URI loại lỗi (RFC 9110).");
        Describe(schema, "title", "Tên lỗi theo mã trạng thái, tiếng Việt (ví dụ «Không tìm thấy»).");
        Describe(schema, "status", "Mã trạng thái HTTP.");
        Describe(schema, "detail", "Giải thích bằng tiếng Việt: cái gì sai và phải làm gì.");
        Describe(schema, "instance", "Đường dẫn của yêu cầu bị lỗi.");
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Mã theo dõi của yêu cầu, trùng với nhật ký máy chủ; gửi kèm khi báo lỗi.",
        };
        // An import refused by its rows lists them (the same row errors as the Excel page).
        if (!schema.Properties.ContainsKey("errors"))
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Chỉ có ở lỗi nhập sổ Excel: các lỗi theo dòng, đúng như trang Excel báo; khi có lỗi, không có gì được ghi.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Một lỗi của sổ Excel.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["sheet"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Tên sheet." },
                        ["row"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Số dòng trong sheet (như Excel đánh số)." },
                        ["column"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Tên cột, nếu lỗi thuộc một ô." },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Thông báo lỗi tiếng Việt." },
                    },
                },
            };
        }
        schema.Examples = [new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            ["title"] = "Không tìm thấy",
            ["status"] = 404,
            ["detail"] = "Không có đề án này, hoặc nó nằm ngoài phạm vi của tài khoản.",
            ["instance"] = "/api/v1/projects/123456",
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        }];
    }

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties!.TryGetValue(property, out var existing) && existing is OpenApiSchema concrete)
        {
            concrete.Description = description;
        }
    }
}
