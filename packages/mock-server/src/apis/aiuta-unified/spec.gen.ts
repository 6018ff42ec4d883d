// Generated from specs/aiuta-unified.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from '../../core/openapi.js';

/** `specs/aiuta-unified.yaml`, as the mock routes and validates it. */
export const spec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Aiuta Unified API",
    "version": "1.0.0",
    "summary": "Images, SKU items, outfit recommendations, flat-lay generation and virtual try-on in one API.",
    "description": "Aiuta's Unified API (`https://api.aiuta.com/v1`). Sources: the vendor's published OpenAPI\ndocument (aiuta-com/docs `docs/api/unified/openapi.json`, title \"Unified\", version 1.0.0), its\nprose under `docs/api/`, and the requests the official Web SDK (aiuta-com/aiuta-web-sdk) and\nAndroid SDK (aiuta-com/aiuta-android-sdk) send to this base URL.\n\nAuthentication. The vendor's document declares only the `x-api-key` header. The official\nSDKs also send `Authorization: Bearer <JWT>` when starting a try-on and `x-user-id: <subscription\nID>` on the other calls they make (the docs' \"Authentication\" section describes both). Every\nalternative that is not in the vendor's document is listed by scheme name in the operation's\n`x-unverified-security`, and the scheme itself carries `x-unverified: true`.\n\nErrors. The newer endpoints (sku_items, recommendations, flat_lay_operations) answer their\nbusiness refusals (400/404/409/500/503) with `ApiError`, as the vendor documents. Everything\nelse is FastAPI's shape, as in the Digital Try-On API, so that one mistake gets one answer in\nboth: `{\"detail\": \"...\"}` (`DetailError`) for refusals, including 401 and 403, and\n`{\"detail\": [ValidationError, ...]}` (422 `HTTPValidationError`) for a request that does not\nmatch the schema, such as a try-on naming both or neither of `sku_id` and `sku_ids`. The\nvendor's document gives 401, 403 and 429 no body; the SDKs read a `detail` from any error\n(aiuta-web-sdk app/src/utils/api/tryOnApiService.ts, aiuta-android-sdk\nfashion-network/.../utils/HandleErrorsExtension.kt), so the 401 and 403 bodies are marked\n`x-unverified`.\n\nAnything the vendor's document does not state is marked `x-unverified: true` or listed in an\n`x-unverified-*` extension, with the source in the description. Where the vendor's own\nexamples contradict its schemas, `x-vendor-example-mismatch` names the field and keeps the\nexample. The values the service uses for omitted request-body fields are given as\n`x-default`, so that those fields stay optional in generated request types.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://api.aiuta.com/v1"
    }
  ],
  "tags": [
    {
      "name": "data",
      "description": "Input and generated images - upload, retrieval and deletion."
    },
    {
      "name": "sku_items",
      "description": "SKU items of the client account. Creating or updating a SKU item may start asynchronous\npreparation; progress is in `SkuItem.capabilities_readiness` and may go `preparing -> ready`,\nand back to `preparing` after an update. Poll `GET /sku_items/{sku_id}` until the capability\n(or image variant) needed is `ready` before calling endpoints that depend on it.\n"
    },
    {
      "name": "recommendations",
      "description": "Outfit recommendations require `SkuItem.capabilities.outfit_recommendations == true` and\n`SkuItem.capabilities_readiness.outfit_recommendations.status == \"ready\"`.\n"
    },
    {
      "name": "flat_lay",
      "description": "Flat-lay product image generation."
    },
    {
      "name": "try_on",
      "description": "Virtual try-on operations and try-on models."
    },
    {
      "name": "sdk",
      "description": "What the official SDKs call beyond the vendor's document: their settings, Size & Fit, the\nWeb demo's suggested outfits, and a product lookup. Every operation here is `x-unverified`.\n"
    }
  ],
  "security": [
    {
      "apiKey": []
    }
  ],
  "paths": {
    "/uploaded_images": {
      "post": {
        "tags": [
          "data"
        ],
        "operationId": "createUploadedImage",
        "summary": "Upload an image as bytes",
        "description": "Upload an image and save it with a unique ID. By default the mime type is `image/png` and the\nextension `.png`. The SDKs send JPEG too: the Web SDK re-encodes the picked file as JPEG\n(longest side at most 1500 px, the original file if that fails) and keeps its file name\n(app/src/utils/helpers/resizeAndConvertImage.ts, app/src/utils/api/tryOnApiService.ts\n`uploadImage`); the Android SDK sets the part's\n`Content-Type: image/<ext>` and `filename` (fashion-tryon-core/.../image/internal/FashionImageRemoteDataSource.kt).\nAndroid SDKs before 5.0 (Ktor 3.4) write the part's name unquoted, `name=image_data`, which\nStarlette, the server under FastAPI, reads like the quoted form.\n\n`x-user-id`: the Web SDK sends it instead of `x-api-key` when configured with a subscription\nID and a JWT callback (tryOnApiService.ts `addAuthHeaders`); the Android SDK sends it on every\nrequest (fashion-network/.../internal/KtorHttpClientFactory.kt `addDynamicHeader`), and in JWT\nmode it is the only credential on this call.\n",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/UploadedImageForm"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The stored image.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AiutaImage"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/uploaded_images/{image_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ImageId"
        }
      ],
      "get": {
        "tags": [
          "data"
        ],
        "operationId": "getUploadedImage",
        "summary": "Get an uploaded image",
        "description": "Get the user's uploaded image.",
        "responses": {
          "200": {
            "description": "The image.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AiutaImage"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      },
      "delete": {
        "tags": [
          "data"
        ],
        "operationId": "deleteUploadedImage",
        "summary": "Delete an uploaded image",
        "description": "Images uploaded by the same API user can be deleted. Images with the `aiuta` owner (such as try-on model images) cannot.",
        "responses": {
          "204": {
            "description": "Deleted; no body."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/generated_images/{image_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ImageId"
        }
      ],
      "delete": {
        "tags": [
          "data"
        ],
        "operationId": "deleteGeneratedImage",
        "summary": "Delete a generated image",
        "description": "Only images of type `user` (derived from user-uploaded images) can be deleted.",
        "responses": {
          "204": {
            "description": "Deleted; no body."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/sku_items": {
      "get": {
        "tags": [
          "sku_items"
        ],
        "operationId": "listSkuItems",
        "summary": "List SKU items",
        "description": "A page of the SKU items of the authenticated client account. Request the next page with\n`offset = next_offset`; `next_offset` is null on the last page.\n\n`x-user-id`: the Android SDK (`AiutaTryOn.getProductItems`, fashion-tryon-core/.../sku/internal/FashionProductRemoteDataSource.kt)\ncalls this with `offset`/`limit`; in JWT mode `x-user-id` is the only credential it sends.\n",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Pagination offset.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Number of items to return.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 10
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of SKU items.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItemsListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "tags": [
          "sku_items"
        ],
        "operationId": "createSkuItem",
        "summary": "Create a SKU item",
        "description": "Creates a SKU item under the client account and returns it. `sku_id` is client-defined and\nbecomes the item's identifier in the API. Enabling capabilities may start internal\npreparation; readiness is returned in `capabilities_readiness`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateSkuItemRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The created SKU item.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItem"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A SKU item with this `sku_id` already exists.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiError"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationErrorOrCustom"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/sku_items/{sku_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/SkuId"
        }
      ],
      "get": {
        "tags": [
          "sku_items"
        ],
        "operationId": "getSkuItem",
        "summary": "Get a SKU item",
        "description": "The SKU item by `sku_id`, including readiness of its enabled capabilities.",
        "responses": {
          "200": {
            "description": "The SKU item.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItem"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "sku_items"
        ],
        "operationId": "deleteSkuItem",
        "summary": "Delete a SKU item",
        "responses": {
          "204": {
            "description": "Deleted; no body."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/sku_items/{sku_id}/capabilities": {
      "parameters": [
        {
          "$ref": "#/components/parameters/SkuId"
        }
      ],
      "patch": {
        "tags": [
          "sku_items"
        ],
        "operationId": "updateSkuItemCapabilities",
        "summary": "Replace capabilities",
        "description": "Replaces the whole `capabilities` block of the SKU item; despite the PATCH method this is a\nfull replacement: omitted fields are reset to their default, empty value or null. Enabling,\ndisabling or changing requested image variants may start preparation; readiness of newly\nenabled or changed capabilities may start as `preparing`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SkuCapabilities"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated SKU item.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItem"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationErrorOrCustom"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/sku_items/{sku_id}/merchandising": {
      "parameters": [
        {
          "$ref": "#/components/parameters/SkuId"
        }
      ],
      "patch": {
        "tags": [
          "sku_items"
        ],
        "operationId": "updateSkuItemMerchandising",
        "summary": "Replace merchandising",
        "description": "Replaces the whole `merchandising` block of the SKU item; partial updates are not supported\nand omitted fields are reset to their default, empty value or null. Usually does not\nre-process the SKU item but may affect downstream scenarios such as recommendations.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SkuMerchandising"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated SKU item.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItem"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationErrorOrCustom"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/recommendations/outfits/{sku_id}": {
      "get": {
        "tags": [
          "recommendations"
        ],
        "operationId": "getOutfitRecommendations",
        "summary": "Get outfit recommendations for a SKU item",
        "description": "Exactly `count` outfits; the requested SKU item is always the first element of each\n`Outfit.sku_ids`. Requires the Outfit Recommendations capability to be enabled and `ready`\nfor the SKU item, otherwise 409.\n",
        "parameters": [
          {
            "name": "sku_id",
            "in": "path",
            "required": true,
            "description": "SKU external identifier.",
            "schema": {
              "type": "string",
              "examples": [
                "sku_12345"
              ]
            }
          },
          {
            "name": "count",
            "in": "query",
            "required": false,
            "description": "Number of outfits to return.",
            "schema": {
              "type": "integer",
              "exclusiveMinimum": 0,
              "maximum": 5,
              "default": 3
            }
          },
          {
            "name": "user_id",
            "in": "query",
            "required": false,
            "description": "Optional user identifier used for personalization. If omitted, recommendations are non-personalized.",
            "schema": {
              "type": [
                "string",
                "null"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The outfits.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Outfit"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "409": {
            "description": "Outfit recommendations are not available for this SKU item (capability disabled or not ready).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiError"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationErrorOrCustom"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/flat_lay_operations": {
      "post": {
        "tags": [
          "flat_lay"
        ],
        "operationId": "createFlatLayOperation",
        "summary": "Create a flat-lay generation operation",
        "description": "Starts an asynchronous generation of a flat-lay product image. Give exactly one of\n`product_info` (inline product data) or `sku_id` (a SKU item whose product-images capability\nfor the requested variant is enabled and ready; check with `GET /sku_items/{sku_id}`).\nPoll `GET /flat_lay_operations/{operation_id}` until the operation completes. Not idempotent.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GenerateFlatLayImageRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The operation was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateOperationResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/SkuItemNotFound"
          },
          "409": {
            "description": "Flat-lay generation is not available for this SKU item (capability disabled or not ready).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiError"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationErrorOrCustom"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/flat_lay_operations/{operation_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/OperationId"
        }
      ],
      "get": {
        "tags": [
          "flat_lay"
        ],
        "operationId": "getFlatLayOperation",
        "summary": "Get a flat-lay generation operation",
        "description": "The operation, its status and, once completed, the generated image. The vendor's workflow\ntreats `SUCCESS` (result in `generated_image`) and `FAILED` (message in `error`) as\ncompletion; `CANCELLED` and `ABORTED` are also in the shared status enum. While the\noperation runs, or after it failed, `generated_image` may be absent.\n",
        "responses": {
          "200": {
            "description": "The operation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GenerateFlatLayImageOperation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "description": "Operation not found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiError"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/sku_try_on_operations": {
      "post": {
        "tags": [
          "try_on"
        ],
        "operationId": "createSkuTryOnOperation",
        "summary": "Start a SKU try-on",
        "description": "Starts an asynchronous try-on of one SKU item (`sku_id`) or an outfit of 1 to 5 (`sku_ids`)\non an uploaded image or a predefined try-on model, and returns the operation ID. Answers\n200, not 201. Not idempotent. Both SDKs always send `sku_ids` and `uploaded_image_id`.\nEach SKU item must be in the catalogue with its try-on capability `ready` (see `SkuItem`).\n\nBearer JWT: the Web SDK, configured with a subscription ID and a `getJwt` callback, sends\nonly `Authorization: Bearer <token>` here (app/src/utils/api/tryOnApiService.ts\n`createOperation`, app/src/hooks/tryOn/useTryOnGeneration.ts `createOperationWithJwt`); the\nAndroid SDK sends the Bearer token on this path only, next to `x-user-id`\n(fashion-network/.../utils/AuthorizedPaths.kt, .../plugins/JWTAuthenticationPlugin.kt). The\ndocs' getting-started page describes the JWT flow; see `x-jwt-binding` for what the token\ncarries. An invalid JWT is answered 401 (docs sdk/templates/diagrams/auth-jwt.md); the\nAndroid SDK then asks for a new token and retries. So is a valid one bound to another\nrequest (`x-jwt-binding.mismatch`).\n",
        "x-unverified-security": [
          "bearerAuth"
        ],
        "x-jwt-binding": {
          "claims": [
            "iss",
            "iat",
            "exp"
          ],
          "bound-request-fields": [
            "uploaded_image_id",
            "sku_ids"
          ],
          "details": "See `x-jwt-binding` of the `bearerAuth` security scheme."
        },
        "security": [
          {
            "apiKey": []
          },
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SkuTryOnRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The operation was created; poll it by `operation_id`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateOperationResponse"
                }
              }
            }
          },
          "400": {
            "description": "The input image is unknown or gone (expired, or uploaded under another API key), e.g.\n`{\"detail\": \"Input image was not found\"}`; 400 is also used for SKU errors: a SKU item\nmissing from the catalogue, or whose `capabilities_readiness.try_on` is not `ready`\n(`{\"detail\": \"SKU item sku-9 was not found\"}`). Not in the vendor's document:\napp/src/hooks/tryOn/useTryOnGeneration.ts and tryOnApiService.ts read a string `detail`\nfrom this status, and recognise an expired photo by `/input image .*not found/i`.\n",
            "x-unverified": true,
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/DetailError"
                    },
                    {
                      "$ref": "#/components/schemas/ApiError"
                    }
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/sku_try_on_operations/{operation_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/OperationId"
        }
      ],
      "get": {
        "tags": [
          "try_on"
        ],
        "operationId": "getSkuTryOnOperation",
        "summary": "Get a SKU try-on operation",
        "description": "Poll until `status` is terminal: `SUCCESS` (images in `generated_images`), `FAILED` or\n`CANCELLED` (message in `error`), `ABORTED` (reason in `abort_reason`). `CREATED`,\n`IN_PROGRESS` and `PAUSED` mean still running. The Web SDK polls every 3 s\n(useTryOnGeneration.ts). The vendor's schema allows a `null` body with 200.\n\n`x-user-id`: the Web SDK sends it instead of `x-api-key` in JWT mode\n(tryOnApiService.ts `getGenerationResult`); the Android SDK sends it on every request\n(KtorHttpClientFactory.kt) and in JWT mode it is the only credential on this call.\n",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "responses": {
          "200": {
            "description": "The operation.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/SkuTryOnOperation"
                    },
                    {
                      "type": "null"
                    }
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/predefined_try_on_models": {
      "get": {
        "tags": [
          "try_on"
        ],
        "operationId": "listPredefinedTryOnModels",
        "summary": "List predefined try-on models by category",
        "description": "The predefined models, grouped into categories; an empty list if none are set up. Send the\n`ETag` of a previous response as `If-None-Match`; an unchanged list is answered 304 with an\nempty body.\n\n`x-user-id`: the docs' getting-started page allows it instead of a secret for \"trivial\"\ncalls; the official SDKs sent it on `GET /predefined_try_on_models` of the Digital Try-On\nAPI (`/digital-try-on/v1`). The current SDKs call `GET /try_on_models` instead.\n",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The current list of predefined try-on models.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/TryOnModelCategories"
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "x-vendor-example-mismatch": [
                  {
                    "field": "[].models[].tags",
                    "problem": "The vendor's example models omit `tags`, which `TryOnModel` requires; the example is not reproduced here.",
                    "vendor-example": [
                      {
                        "category": "woman",
                        "models": [
                          {
                            "id": "model_woman_00",
                            "owner_type": "aiuta",
                            "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/models/woman_00.png"
                          }
                        ]
                      },
                      {
                        "category": "man",
                        "models": [
                          {
                            "id": "model_man_00",
                            "owner_type": "aiuta",
                            "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/models/man_00.png"
                          }
                        ]
                      }
                    ]
                  }
                ]
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/try_on_models": {
      "get": {
        "tags": [
          "try_on"
        ],
        "operationId": "listTryOnModels",
        "summary": "List try-on models (flat list)",
        "x-unverified": true,
        "x-unverified-security": [
          "userId"
        ],
        "description": "Not in the vendor's document. Both official SDKs call it on this base URL:\naiuta-web-sdk app/src/utils/api/tryOnApiService.ts `getPredefinedModels` (`GET\n${BASE_URL}/try_on_models`, `If-None-Match`, reads `ETag`, handles 304) and\naiuta-android-sdk fashion-tryon-compose/.../datasource/models/TryOnModelsRemoteDataSource.kt\n(`If-None-Match`, `ETag`, 304). Both parse the body as a flat JSON array of try-on models\n(not categories) and group them on the client by `tags.gender` (`male`, `female`,\n`unisex`; a missing tag means both); the Web SDK's shoes mode also groups by `tags.view`\n(`full-height`, `bird-view`, `side-view`). Both SDKs tolerate a missing `tags`.\n\n`x-user-id`: sent instead of `x-api-key` by the Web SDK in JWT mode, and on every request by\nthe Android SDK.\n",
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The try-on models.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TryOnModelList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/subscription_details": {
      "get": {
        "tags": [
          "sdk"
        ],
        "operationId": "getSubscriptionDetails",
        "summary": "Get the subscription's SDK settings",
        "x-unverified": true,
        "x-unverified-security": [
          "userId"
        ],
        "description": "Not in the vendor's document. The official SDKs read it for their settings: the \"Powered by\nAiuta\" label, how often to retry, and the delays between polls of a try-on\n(aiuta-android-sdk fashion-tryon-compose/.../datasource/subscription/SubscriptionDetailsRemoteDataSource.kt\non this base URL; aiuta-ios-sdk Sources/AiutaSdk/Api/Subscription/Core+Api+Subscription+Request.swift\non `/digital-try-on/v1`). Fields and defaults: the vendor's team docs\n(docs/team/sdk/subscription-details.md), which write them in camelCase; on the wire they are\nsnake_case (Android `SubscriptionDetailsDTO`, `PoweredByStickerFeature`; iOS decodes with\n`convertFromSnakeCase`). Every field may be null or absent, and an SDK then uses its\ndefault. Send the `ETag` of a previous answer as `If-None-Match`; an unchanged one is a 304.\n\n`x-user-id`: the Android SDK sends it on every request, and the iOS SDK on every call but\nthe try-on start in JWT mode.\n",
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The subscription's SDK settings.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubscriptionDetails"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/size_and_fit/recommendation": {
      "post": {
        "tags": [
          "sdk"
        ],
        "operationId": "recommendSize",
        "summary": "Recommend a size from a size chart and the shopper's answers",
        "x-unverified": true,
        "x-unverified-security": [
          "userId"
        ],
        "description": "Not in the vendor's document. The SDKs' Size & Fit flow posts the product's size chart\n`code` and the shopper's answers, and shows `recommendedSizeName` with each size's fit\n(aiuta-android-sdk fashion-sizefit-core/.../internal/AiutaSizeFitImpl.kt,\n.../internal/models/SizeFitRequestDTO.kt and SizeFitResponseDTO.kt, on this base URL;\naiuta-ios-sdk Sources/AiutaSdk/Api/SizeFit/Core+Api+SizeFit+Request.swift, on\n`/digital-try-on/v1`). Android names the optional fields in camelCase (`hipShape`); iOS\nencodes its keys to snake_case (`hip_shape`): both spellings are accepted. The answer's\nkeys are camelCase, which both SDKs read. iOS sends `braSize` and `braCup` only for `Female`.\n\n`x-user-id`: the Android SDK sends it on every request (no Bearer token on this path).\n",
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SizeRecommendationRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The recommended size, each size's fit, and the body measurements it was worked out from.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SizeRecommendation"
                }
              }
            }
          },
          "400": {
            "description": "The request cannot be answered, e.g. a blank size chart `code`.",
            "x-unverified": true,
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DetailError"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/suggested_outfits": {
      "get": {
        "tags": [
          "sdk"
        ],
        "operationId": "listSuggestedOutfits",
        "summary": "List suggested outfits from the catalogue",
        "x-unverified": true,
        "description": "Not in the vendor's document. The Web SDK's demo shop lists ready-made outfits to try on\n(aiuta-web-sdk demo/src/utils/api.ts `fetchOutfits`, `GET ${BASE_URL}/suggested_outfits?limit=100`\nwith `x-api-key`; the item shape in demo/src/models/product.ts, whose comment says the items\nkeep the older SKU item shape). Each outfit lists its items, a collage image and tags\n(`gender`, `occasion`, `style`).\n",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Most outfits to return; the demo asks for 100.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 10
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The outfits.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/SuggestedOutfit"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    },
    "/sku_items/{catalog_name}/{product_id}": {
      "get": {
        "tags": [
          "sdk"
        ],
        "operationId": "getCatalogSkuItem",
        "summary": "Get a SKU item by catalogue and product ID",
        "x-unverified": true,
        "x-unverified-security": [
          "userId"
        ],
        "description": "Not in the vendor's document. The Android SDK looks a product up by two segments,\n`sku_items/{catalog_name}/{product_id}`, and reads the answer as a SKU item (`sku_id`,\n`product_info.image_urls`, `product_info.title`: fashion-tryon-core/.../sku/internal/FashionProductRemoteDataSource.kt,\n.../sku/models/ProductItemDTO.kt). The Unified API's SKU items have no catalogue of their\nown; the Digital Try-On API's default catalogue is `main`. A `product_id` of\n`capabilities` or `merchandising` reaches the PATCH paths of `/sku_items/{sku_id}` instead.\n\n`x-user-id`: the Android SDK sends it on every request.\n",
        "security": [
          {
            "apiKey": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "name": "catalog_name",
            "in": "path",
            "required": true,
            "description": "The catalogue's name; `main` is the default one.",
            "schema": {
              "type": "string",
              "examples": [
                "main"
              ]
            }
          },
          {
            "name": "product_id",
            "in": "path",
            "required": true,
            "description": "The product's ID, the SKU item's `sku_id`.",
            "schema": {
              "type": "string",
              "examples": [
                "sku_12345"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The SKU item.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuItem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "description": "No such catalogue, or no such SKU item in it.",
            "x-unverified": true,
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DetailError"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequestsUnlisted"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
        "description": "Static API key from the subscription details (the vendor's only declared scheme, named `x-api-key` there). For server-side integrations."
      },
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "x-unverified": true,
        "description": "A JWT issued by the customer's backend: HS256 over the subscription's \"JWT secret\", `iss` =\nthe subscription's \"JWT key (iss)\", `iat`, and `exp` chosen by the issuer (the docs' example\nuses 60 s). Described in the docs (api/getting-started.md, api/server-side-auth-component.md),\nnot declared in the vendor's OpenAPI document for this API.\n",
        "x-jwt-binding": {
          "algorithm": "HS256",
          "registered-claims": {
            "iss": "Subscription's \"JWT key (iss)\".",
            "iat": "Issue time.",
            "exp": "Expiry, set by the issuer."
          },
          "bound-request-fields": [
            "uploaded_image_id",
            "sku_ids"
          ],
          "guidance": "The docs say all parameters significant to security and cost should be in the payload so\nthe token is usable for that one generation; the docs' reference endpoint copies every\nquery argument and JSON body field the client sends into the payload before adding\niss/iat/exp. Which claims the API itself checks beyond the signature is not documented.\n",
          "mismatch": {
            "x-unverified": true,
            "status": 401,
            "details": "Not documented by the vendor; modelled from what the SDKs need to recover. A token whose\nbound claims do not match the try-on body is answered 401 `{\"detail\": \"...\"}`: a 401 is\nthe signal every official SDK refreshes its token on. The Android SDK keeps one token and\nreuses it for the next try-on, with another photo too, and its HTTP stack (Ktor Auth)\nasks the app for a new token only after a 401 (fashion-network/.../plugins/JWTAuthenticationPlugin.kt);\na 403 there would end its second try-on in an error. A `sku_ids` claim that is one string\nis compared as its comma-split list: iOS hands getJwt `sku_ids` joined with commas, and\nthe docs' reference endpoint signs what it is given. SKUs compare as a set, and a\n`sku_id` claim fits `sku_ids` of that one SKU. A claim that is absent or null binds nothing.\n"
          },
          "sdk-params": {
            "web": "`getJwt({ uploaded_image_id })` - the uploaded image ID only (app/src/hooks/tryOn/useTryOnGeneration.ts).",
            "ios": "`getJwt([\"sku_ids\": \"a,b\", \"uploaded_image_id\": \"...\"])` - `sku_ids` joined with commas, also for one SKU (Sources/AiutaSdk/Api/TryOn/Core+Api+TryOn+Request.swift); the iOS SDK calls the Digital Try-On API.",
            "android": "`getJWT(params)` with the serialized request body, `{\"sku_ids\":[...],\"uploaded_image_id\":\"...\"}` (fashion-network/.../plugins/JWTAuthenticationPlugin.kt)."
          }
        }
      },
      "userId": {
        "type": "apiKey",
        "in": "header",
        "name": "x-user-id",
        "x-unverified": true,
        "description": "The subscription ID (e.g. `66ec1726e728c1405e5ebca2`), accepted instead of a secret for\n\"trivial\" calls per the docs' getting-started page; not declared in the vendor's OpenAPI\ndocument. The Android SDK in API-key mode sends the API key itself as `x-user-id`\n(fashion/.../authentication/ApiKeyAuthenticationStrategy.kt).\n"
      }
    },
    "parameters": {
      "ImageId": {
        "name": "image_id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "examples": [
            "user_image-06f5948c-c031-4662-a7c4-4d999b445c86"
          ]
        }
      },
      "SkuId": {
        "name": "sku_id",
        "in": "path",
        "required": true,
        "description": "Client-defined SKU item identifier, unique within the client account.",
        "schema": {
          "type": "string",
          "examples": [
            "sku_12345"
          ]
        }
      },
      "OperationId": {
        "name": "operation_id",
        "in": "path",
        "required": true,
        "description": "Operation ID.",
        "schema": {
          "type": "string",
          "examples": [
            "flatlay_op-2d77fc78-06ef-434a-a016-03d819249605"
          ]
        }
      },
      "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "The `ETag` of a previously received list. The vendor's document names it `if-none-match` with type string or null.",
        "schema": {
          "type": "string"
        }
      }
    },
    "headers": {
      "ETag": {
        "description": "Revision of the list, to send back as `If-None-Match`. Not declared in the vendor's\ndocument for this API; both SDKs read it (`response.headers.get('ETag')`, Ktor\n`HttpHeaders.ETag`) and keep their cached value when it is absent.\n",
        "x-unverified": true,
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "ImageNotFound": {
        "description": "No such image (never uploaded, deleted, or past its `expires_at`). Not in the vendor's document; the Digital Try-On API answers 404 `{\"detail\": ...}` on the same paths.",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "NotModified": {
        "description": "The list is unchanged since the given ETag; empty body.",
        "headers": {
          "ETag": {
            "$ref": "#/components/headers/ETag"
          }
        }
      },
      "BadRequest": {
        "description": "The request is syntactically valid but cannot be processed (business validation failed).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApiError"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The API key or token is missing or invalid, or the token is bound to another request (see\n`x-jwt-binding`). The vendor's document gives no body; the FastAPI `detail` here is the\nDigital Try-On API's shape, which the SDKs read.\n",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The credential is valid but not for this call (e.g. `x-user-id` where only the API key will\ndo), or the image cannot be deleted. The vendor's document gives no body; the FastAPI\n`detail` here is the Digital Try-On API's shape.\n",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Returned by the API gateway when rate limits are exceeded. Empty body; no Retry-After header is documented."
      },
      "TooManyRequestsUnlisted": {
        "description": "The gateway's 429, which the vendor's document lists on the newer endpoints only; assumed\nhere for every path behind the same gateway. Empty body.\n",
        "x-unverified": true
      },
      "SkuItemNotFound": {
        "description": "The SKU item does not exist.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApiError"
            }
          }
        }
      },
      "ValidationError": {
        "description": "The request does not match the schema (FastAPI/Pydantic format).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/HTTPValidationError"
            }
          }
        }
      },
      "ValidationErrorOrCustom": {
        "description": "The request payload is structurally invalid or has invalid field values. The vendor\npublishes no schema here: the body \"follows FastAPI / Pydantic defaults for schema\nvalidation errors but may contain specific details for custom fails like not yet\nsupported functionality\".\n",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/HTTPValidationError"
            }
          }
        }
      },
      "InternalServerError": {
        "description": "Unexpected server error.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApiError"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Service temporarily unavailable.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApiError"
            }
          }
        }
      }
    },
    "schemas": {
      "JsonValue": {
        "description": "Any JSON value (no constraint)."
      },
      "JsonObject": {
        "description": "A JSON object with arbitrary JSON values.",
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/JsonValue"
        }
      },
      "ApiError": {
        "type": "object",
        "description": "Error body of non-2xx responses of the newer endpoints. `code` is a stable machine-readable\nidentifier, `message` human-readable; `details` may give structured context and is not\nguaranteed to be stable. No `code` values are published.\n",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "Stable error code identifier."
          },
          "message": {
            "type": "string",
            "description": "Human-readable error message."
          },
          "details": {
            "description": "Optional structured error details.",
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "$ref": "#/components/schemas/JsonValue"
            }
          }
        }
      },
      "DetailError": {
        "type": "object",
        "description": "FastAPI `HTTPException` body with a string `detail`.",
        "x-unverified": true,
        "required": [
          "detail"
        ],
        "properties": {
          "detail": {
            "type": "string",
            "examples": [
              "Input image was not found"
            ]
          }
        }
      },
      "ValidationError": {
        "type": "object",
        "required": [
          "loc",
          "msg",
          "type"
        ],
        "properties": {
          "loc": {
            "type": "array",
            "items": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "integer"
                }
              ]
            }
          },
          "msg": {
            "type": "string"
          },
          "type": {
            "type": "string"
          }
        }
      },
      "HTTPValidationError": {
        "type": "object",
        "properties": {
          "detail": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ValidationError"
            }
          }
        }
      },
      "UploadedImageForm": {
        "type": "object",
        "description": "The multipart form of an image upload.",
        "required": [
          "image_data"
        ],
        "properties": {
          "image_data": {
            "type": "string",
            "format": "binary",
            "description": "The image bytes (PNG by default; the SDKs send JPEG as well)."
          }
        }
      },
      "OwnerType": {
        "type": "string",
        "enum": [
          "user",
          "aiuta"
        ],
        "description": "`user` if the image was uploaded by the user or derived from a user upload (e.g. by a\ngeneration operation); otherwise `aiuta`, in which case the image is not associated with\nusers' personal data and does not belong to them.\n"
      },
      "AiutaImage": {
        "type": "object",
        "required": [
          "id",
          "owner_type",
          "url"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Image ID (`user_image-<uuid>` for uploads, `gen_image-<uuid>` for generated images in the vendor's examples)."
          },
          "owner_type": {
            "$ref": "#/components/schemas/OwnerType"
          },
          "url": {
            "type": "string",
            "description": "Image URL; may carry a temporary access token."
          },
          "expires_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "Expiration time of the image. The image may not be available after this time."
          }
        },
        "examples": [
          {
            "id": "user_image-06f5948c-c031-4662-a7c4-4d999b445c86",
            "owner_type": "user",
            "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/external_api/user/examples/uploaded_images/user_image-06f5948c-c031-4662-a7c4-4d999b445c86.jpg"
          }
        ]
      },
      "TryOnModel": {
        "type": "object",
        "required": [
          "id",
          "owner_type",
          "url",
          "tags"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Image ID, e.g. `model_woman_00`."
          },
          "owner_type": {
            "$ref": "#/components/schemas/OwnerType"
          },
          "url": {
            "type": "string",
            "description": "Image URL."
          },
          "expires_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "Expiration time of the image. The image may not be available after this time."
          },
          "tags": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "string"
            },
            "description": "Tags of the try-on model image. Keys the SDKs read: `gender` (`male`, `female`,\n`unisex`) and `view` (`full-height`, `bird-view`, `side-view`).\n"
          }
        },
        "x-vendor-example-mismatch": [
          {
            "field": "tags",
            "problem": "The vendor's example omits `tags`, which the schema requires (and shows an uploaded `user` image rather than a model); the example is not reproduced here.",
            "vendor-example": {
              "id": "user_image-06f5948c-c031-4662-a7c4-4d999b445c86",
              "owner_type": "user",
              "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/external_api/user/examples/uploaded_images/user_image-06f5948c-c031-4662-a7c4-4d999b445c86.jpg"
            }
          }
        ]
      },
      "LegacyTryOnModels": {
        "type": "object",
        "description": "One category of predefined try-on models.",
        "required": [
          "category",
          "models"
        ],
        "properties": {
          "category": {
            "type": "string",
            "enum": [
              "man",
              "woman",
              ""
            ],
            "description": "Category name of the try-on models."
          },
          "models": {
            "type": "array",
            "description": "List of try-on models.",
            "items": {
              "$ref": "#/components/schemas/TryOnModel"
            }
          }
        }
      },
      "TryOnModelCategories": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/LegacyTryOnModels"
        }
      },
      "TryOnModelList": {
        "type": "array",
        "description": "Flat list of try-on models, as the SDKs parse `GET /try_on_models`.",
        "x-unverified": true,
        "items": {
          "$ref": "#/components/schemas/TryOnModel"
        }
      },
      "OperationStatus": {
        "type": "string",
        "enum": [
          "CREATED",
          "IN_PROGRESS",
          "PAUSED",
          "SUCCESS",
          "FAILED",
          "CANCELLED",
          "ABORTED"
        ],
        "description": "Status of an operation. Terminal: `SUCCESS`, `FAILED`, `CANCELLED`, `ABORTED`. Running:\n`CREATED`, `IN_PROGRESS`, `PAUSED`.\n"
      },
      "AbortReason": {
        "type": "string",
        "enum": [
          "NO_PEOPLE_DETECTED",
          "TOO_MANY_PEOPLE_DETECTED",
          "CHILD_DETECTED",
          "INSUFFICIENT_TARGET_AREA",
          "INTERNAL_RESTRICTION"
        ],
        "description": "Why an operation was aborted; some checks can be configured per client.\n- `NO_PEOPLE_DETECTED`: no person was found in the input image.\n- `TOO_MANY_PEOPLE_DETECTED`: too many people were found in the input image.\n- `CHILD_DETECTED`: a minor was detected in the input image.\n- `INSUFFICIENT_TARGET_AREA`: the body area required for this garment is not visible enough.\n- `INTERNAL_RESTRICTION`: the result cannot be returned due to internal restrictions.\n\nValues have been added over time; the SDKs map unknown values to a generic reason.\n"
      },
      "CreateOperationResponse": {
        "type": "object",
        "description": "Returned after an operation was created.",
        "required": [
          "operation_id"
        ],
        "properties": {
          "operation_id": {
            "type": "string",
            "description": "ID of the created operation."
          }
        },
        "examples": [
          {
            "operation_id": "flatlay_op-2d77fc78-06ef-434a-a016-03d819249605"
          }
        ]
      },
      "SkuTryOnRequest": {
        "type": "object",
        "description": "Either `sku_id` or `sku_ids` must be given.",
        "required": [
          "uploaded_image_id"
        ],
        "properties": {
          "uploaded_image_id": {
            "type": "string",
            "description": "ID of an uploaded user image, or of a try-on model such as `model_woman_00`."
          },
          "sku_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "SKU item ID. For a try-on of several SKU items (an outfit) use `sku_ids`."
          },
          "sku_ids": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            },
            "minItems": 1,
            "maxItems": 5,
            "description": "SKU IDs for an outfit try-on; also usable for a single item. 1 to 5 items."
          }
        }
      },
      "SkuTryOnOperation": {
        "type": "object",
        "required": [
          "id",
          "status",
          "error",
          "generated_images"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Operation ID."
          },
          "status": {
            "$ref": "#/components/schemas/OperationStatus"
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Error details if the operation failed; null when there were no errors."
          },
          "abort_reason": {
            "description": "Set when the operation was aborted.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/AbortReason"
              },
              {
                "type": "null"
              }
            ]
          },
          "generated_images": {
            "type": "array",
            "description": "Generated images; empty while not ready, after an error, or once the images expired and were deleted.",
            "items": {
              "anyOf": [
                {
                  "$ref": "#/components/schemas/AiutaImage"
                },
                {
                  "type": "null"
                }
              ]
            }
          }
        }
      },
      "OperationPriority": {
        "type": "string",
        "enum": [
          "online",
          "offline"
        ],
        "description": "Scheduling priority. `online`: processed as quickly as possible for real-time requests.\n`offline`: lower priority, for batch and background work. `QaMode.human` requires\n`offline`; `online` with human QA is rejected.\n"
      },
      "QaMode": {
        "type": "string",
        "enum": [
          "none",
          "auto",
          "human"
        ],
        "description": "How QA is performed. `none`: single pass, result returned as is. `auto`: automatic AI-based\nQA. `human`: human review, hours rather than seconds, requires `offline` priority, may\ndepend on the plan. Not every operation accepts every mode; unsupported modes are rejected.\n"
      },
      "BackgroundType": {
        "type": "string",
        "enum": [
          "arbitrary",
          "transparent",
          "reference_color",
          "reference_image"
        ],
        "description": "How the background is generated."
      },
      "BackgroundSettings": {
        "type": "object",
        "description": "Background generation. With `reference_color`, `reference_color` must be a valid RGB hex\ncode; the background is a blend inspired by it, not a flat fill. With `reference_image`,\n`reference_image_id` must be an uploaded image ID. The service enforces consistency between\nthe type and these fields.\n",
        "required": [
          "background_type"
        ],
        "properties": {
          "background_type": {
            "$ref": "#/components/schemas/BackgroundType"
          },
          "reference_color": {
            "type": [
              "string",
              "null"
            ],
            "description": "RGB hex color such as `#80ff00`; used only with `reference_color`."
          },
          "reference_image_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Uploaded image ID; used only with `reference_image`."
          }
        }
      },
      "ImageSize": {
        "type": "object",
        "description": "Pixel dimensions of the image.",
        "required": [
          "width",
          "height"
        ],
        "properties": {
          "width": {
            "type": "integer",
            "description": "Width in pixels."
          },
          "height": {
            "type": "integer",
            "description": "Height in pixels."
          }
        }
      },
      "ImagePaddings": {
        "type": "object",
        "description": "Padding around the image content, in pixels per side.",
        "required": [
          "top",
          "bottom",
          "left",
          "right"
        ],
        "properties": {
          "top": {
            "type": "integer"
          },
          "bottom": {
            "type": "integer"
          },
          "left": {
            "type": "integer"
          },
          "right": {
            "type": "integer"
          }
        }
      },
      "FlatLayType": {
        "type": "string",
        "enum": [
          "flat",
          "ghost_mannequin",
          "detail"
        ],
        "description": "`flat`: top-down flat lay. `ghost_mannequin`: 3D look without the mannequin. `detail`: close-up of textures, materials or stitching."
      },
      "FlatLayViewpointType": {
        "type": "string",
        "enum": [
          "front",
          "back"
        ],
        "description": "Direction from which the flat-lay image is rendered."
      },
      "FlatLayImageType": {
        "type": "object",
        "description": "A flat-lay product image style (layout type and viewpoint).",
        "required": [
          "flat_lay_type",
          "viewpoint"
        ],
        "properties": {
          "flat_lay_type": {
            "$ref": "#/components/schemas/FlatLayType"
          },
          "viewpoint": {
            "$ref": "#/components/schemas/FlatLayViewpointType"
          }
        }
      },
      "OnFigureViewpointType": {
        "type": "string",
        "enum": [
          "front",
          "front_angled",
          "back",
          "back_angled",
          "side"
        ],
        "description": "Camera angle of the image."
      },
      "OnFigurePoseType": {
        "type": "string",
        "enum": [
          "standing",
          "walking",
          "sitting",
          "leaning",
          "crouching_or_kneeling",
          "in_action",
          "close_up"
        ],
        "description": "Pose of the model in the image."
      },
      "OnFigureImageType": {
        "type": "object",
        "description": "An on-figure product image style (viewpoint and model pose).",
        "required": [
          "viewpoint",
          "pose"
        ],
        "properties": {
          "viewpoint": {
            "$ref": "#/components/schemas/OnFigureViewpointType"
          },
          "pose": {
            "$ref": "#/components/schemas/OnFigurePoseType"
          }
        }
      },
      "SkuGender": {
        "type": "string",
        "enum": [
          "male",
          "female",
          "unisex"
        ],
        "description": "Target gender (Google Merchant Center `gender` values)."
      },
      "SkuAgeGroup": {
        "type": "string",
        "enum": [
          "newborn",
          "infant",
          "toddler",
          "kids",
          "adult"
        ],
        "description": "Target age group (Google Merchant Center `age_group` values)."
      },
      "SkuAvailability": {
        "type": "string",
        "enum": [
          "in_stock",
          "out_of_stock",
          "preorder",
          "backorder"
        ],
        "description": "Catalog availability (Google Merchant Center `availability` values)."
      },
      "SkuProductInfo": {
        "type": "object",
        "description": "The product a SKU item represents: images and optional metadata. Most fields follow the\nGoogle Merchant Center product data specification. Give at most one of `image_urls` and\n`uploaded_image_ids` (up to 20 images; the vendor's schema sets no `maxItems`).\n",
        "properties": {
          "image_urls": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string",
              "format": "uri",
              "minLength": 1,
              "maxLength": 2083
            },
            "description": "Up to 20 product image URLs; downloaded and stored internally. In responses always\npresent, with internal URLs whatever the input was; may be empty while images are not\ndownloaded yet or the download failed.\n"
          },
          "uploaded_image_ids": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            },
            "description": "1 to 20 IDs of previously uploaded product images. Input only; never in responses."
          },
          "category": {
            "type": [
              "string",
              "null"
            ],
            "description": "Item category, preferably a structured taxonomy such as Google product categories.",
            "examples": [
              "Apparel & Accessories > Clothing > Dresses"
            ]
          },
          "title": {
            "type": [
              "string",
              "null"
            ],
            "description": "Product title."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "description": "Product description."
          },
          "brand": {
            "type": [
              "string",
              "null"
            ],
            "description": "Product brand."
          },
          "store_url": {
            "type": [
              "string",
              "null"
            ],
            "format": "uri",
            "minLength": 1,
            "maxLength": 2083,
            "description": "URL of the product page in the online store."
          },
          "color": {
            "type": [
              "string",
              "null"
            ],
            "description": "Product color."
          },
          "gender": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/SkuGender"
              },
              {
                "type": "null"
              }
            ]
          },
          "age_group": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/SkuAgeGroup"
              },
              {
                "type": "null"
              }
            ]
          },
          "extra": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Client-specific product attributes, stored and returned as-is; no schema enforced."
          }
        }
      },
      "SkuCapabilities": {
        "type": "object",
        "description": "Features enabled for the SKU item. Product image capabilities are lists of requested image\nvariants, each with its own readiness entry. The vendor's document has identical\n`SkuCapabilities-Input` and `SkuCapabilities-Output`; this is both.\n",
        "properties": {
          "try_on": {
            "type": "boolean",
            "x-default": false,
            "description": "Virtual Try-On; readiness in `SkuCapabilitiesReadiness.try_on`. False when omitted."
          },
          "outfit_recommendations": {
            "type": "boolean",
            "x-default": false,
            "description": "Outfit Recommendations (subject to `merchandising` availability); readiness in `SkuCapabilitiesReadiness.outfit_recommendations`. False when omitted."
          },
          "size_and_fit": {
            "type": "boolean",
            "x-default": false,
            "description": "Size&Fit; readiness in `SkuCapabilitiesReadiness.size_and_fit`. False when omitted."
          },
          "off_figure_product_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FlatLayImageType"
            },
            "description": "Requested off-figure product image variants; empty means none."
          },
          "on_figure_product_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnFigureImageType"
            },
            "description": "Requested on-figure product image variants; empty means none."
          }
        }
      },
      "SkuCapabilityReadinessStatus": {
        "type": "string",
        "enum": [
          "absent",
          "preparing",
          "ready",
          "rejected",
          "failed"
        ],
        "description": "`absent`: not enabled or not requested. `preparing`: in progress. `ready`: usable.\n`rejected`: prepared but unusable due to quality checks or policy. `failed`: see `error_message`.\n"
      },
      "SkuCapabilityReadiness": {
        "type": "object",
        "required": [
          "updated_at",
          "status"
        ],
        "properties": {
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "Time of the last change of this readiness."
          },
          "status": {
            "$ref": "#/components/schemas/SkuCapabilityReadinessStatus"
          },
          "error_message": {
            "type": [
              "string",
              "null"
            ],
            "description": "Human-readable message if preparation failed; format not stable."
          }
        }
      },
      "OffFigureProductImagesCapabilityReadinessItem": {
        "type": "object",
        "required": [
          "image_type",
          "readiness"
        ],
        "properties": {
          "image_type": {
            "$ref": "#/components/schemas/FlatLayImageType"
          },
          "readiness": {
            "$ref": "#/components/schemas/SkuCapabilityReadiness"
          }
        }
      },
      "OnFigureProductImagesCapabilityReadinessItem": {
        "type": "object",
        "required": [
          "image_type",
          "readiness"
        ],
        "properties": {
          "image_type": {
            "$ref": "#/components/schemas/OnFigureImageType"
          },
          "readiness": {
            "$ref": "#/components/schemas/SkuCapabilityReadiness"
          }
        }
      },
      "SkuCapabilitiesReadiness": {
        "type": "object",
        "description": "Readiness per capability; the image-variant lists match the requested variants one to one.",
        "required": [
          "try_on",
          "outfit_recommendations",
          "size_and_fit"
        ],
        "properties": {
          "try_on": {
            "$ref": "#/components/schemas/SkuCapabilityReadiness"
          },
          "outfit_recommendations": {
            "$ref": "#/components/schemas/SkuCapabilityReadiness"
          },
          "size_and_fit": {
            "$ref": "#/components/schemas/SkuCapabilityReadiness"
          },
          "off_figure_product_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OffFigureProductImagesCapabilityReadinessItem"
            }
          },
          "on_figure_product_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnFigureProductImagesCapabilityReadinessItem"
            }
          }
        }
      },
      "SkuMerchandising": {
        "type": "object",
        "description": "Commercial attributes (sellability and catalog state) that affect downstream scenarios such as recommendations.",
        "properties": {
          "availability": {
            "$ref": "#/components/schemas/SkuAvailability",
            "x-default": "in_stock",
            "description": "Catalog availability; may influence outfit recommendations. `in_stock` when omitted."
          }
        }
      },
      "CreateSkuItemRequest": {
        "type": "object",
        "description": "`sku_id` must be unique within the client account and cannot change later. Omitted\n`capabilities` means all disabled; omitted or empty `merchandising` means `in_stock`.\n",
        "required": [
          "sku_id",
          "product_info"
        ],
        "properties": {
          "sku_id": {
            "type": "string",
            "description": "Client-defined identifier of the SKU item; immutable."
          },
          "product_info": {
            "$ref": "#/components/schemas/SkuProductInfo"
          },
          "capabilities": {
            "$ref": "#/components/schemas/SkuCapabilities"
          },
          "merchandising": {
            "$ref": "#/components/schemas/SkuMerchandising"
          },
          "metadata": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Client-owned key-value data, stored and returned as-is, never interpreted; updates never re-process the item."
          }
        }
      },
      "SkuItem": {
        "type": "object",
        "description": "A SKU item. Operations need the corresponding readiness `ready`: try-on\n`capabilities_readiness.try_on.status`, recommendations\n`capabilities_readiness.outfit_recommendations.status`, product images the entry of the\nrequested variant.\n",
        "required": [
          "internal_id",
          "sku_id",
          "created_at",
          "product_info",
          "capabilities",
          "capabilities_readiness"
        ],
        "properties": {
          "internal_id": {
            "type": "string",
            "description": "Platform internal identifier, for debugging and support only."
          },
          "sku_id": {
            "type": "string",
            "description": "Client-defined identifier of the SKU item."
          },
          "created_at": {
            "type": "string",
            "format": "date-time",
            "description": "Creation time; immutable."
          },
          "product_info": {
            "$ref": "#/components/schemas/SkuProductInfo"
          },
          "capabilities": {
            "$ref": "#/components/schemas/SkuCapabilities"
          },
          "capabilities_readiness": {
            "$ref": "#/components/schemas/SkuCapabilitiesReadiness"
          },
          "merchandising": {
            "$ref": "#/components/schemas/SkuMerchandising"
          },
          "metadata": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Client-owned key-value data, stored and returned as-is."
          }
        }
      },
      "SkuItemsListResponse": {
        "type": "object",
        "required": [
          "items",
          "total"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SkuItem"
            }
          },
          "total": {
            "type": "integer",
            "description": "Total number of SKU items."
          },
          "next_offset": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Offset of the next page; null (or absent) on the last page."
          }
        }
      },
      "Outfit": {
        "type": "object",
        "required": [
          "id",
          "sku_ids"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "sku_ids": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string"
            },
            "description": "Ordered external SKU IDs of the outfit; the requested SKU item first."
          },
          "metadata": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "System-generated or integration-specific attributes; no schema enforced."
          }
        }
      },
      "GenerateFlatLayImageRequest": {
        "type": "object",
        "description": "A flat-lay product image of one style and viewpoint, from inline `product_info` or from a\nSKU item by `sku_id` (exactly one of the two).\n",
        "required": [
          "image_type"
        ],
        "properties": {
          "product_info": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/SkuProductInfo"
              },
              {
                "type": "null"
              }
            ]
          },
          "sku_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "SKU item external ID."
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "online",
            "description": "`online` when omitted."
          },
          "qa_mode": {
            "$ref": "#/components/schemas/QaMode",
            "x-default": "auto",
            "description": "`none`: one image returned as is. `auto`: best of several candidates picked automatically. `human`: picked by a reviewer; requires `offline`. `auto` when omitted."
          },
          "background_settings": {
            "$ref": "#/components/schemas/BackgroundSettings"
          },
          "output_image_size": {
            "description": "Final output dimensions; a default internal size when omitted.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ImageSize"
              },
              {
                "type": "null"
              }
            ]
          },
          "output_image_paddings": {
            "description": "Padding around the generated object; not enforced when omitted.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ImagePaddings"
              },
              {
                "type": "null"
              }
            ]
          },
          "image_type": {
            "$ref": "#/components/schemas/FlatLayImageType"
          }
        }
      },
      "GenerateFlatLayImageOperation": {
        "type": "object",
        "description": "The request parameters of a flat-lay generation plus its state. `generated_image` may be\nmissing while the operation runs or after an error.\n",
        "required": [
          "image_type",
          "id",
          "status",
          "error"
        ],
        "properties": {
          "product_info": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/SkuProductInfo"
              },
              {
                "type": "null"
              }
            ]
          },
          "sku_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "SKU item external ID."
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "online",
            "description": "`online` when omitted."
          },
          "qa_mode": {
            "$ref": "#/components/schemas/QaMode",
            "x-default": "auto",
            "description": "`auto` when omitted."
          },
          "background_settings": {
            "$ref": "#/components/schemas/BackgroundSettings"
          },
          "output_image_size": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ImageSize"
              },
              {
                "type": "null"
              }
            ]
          },
          "output_image_paddings": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ImagePaddings"
              },
              {
                "type": "null"
              }
            ]
          },
          "image_type": {
            "$ref": "#/components/schemas/FlatLayImageType"
          },
          "id": {
            "type": "string",
            "description": "Operation ID (`flatlay_op-<uuid>` in the vendor's examples)."
          },
          "status": {
            "$ref": "#/components/schemas/OperationStatus"
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Error details if the operation failed; null when there were no errors."
          },
          "generated_image": {
            "description": "The generated image; absent or null while running or after an error.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/AiutaImage"
              },
              {
                "type": "null"
              }
            ]
          }
        },
        "x-vendor-example-mismatch": [
          {
            "field": "error",
            "problem": "The vendor's example omits `error`, which the schema requires (a successful operation would carry `error: null`); the example is not reproduced here.",
            "vendor-example": {
              "background_settings": {
                "background_type": "arbitrary"
              },
              "generated_image": {
                "id": "gen_image-9305f69e-a236-4efc-a81b-16eb2969d402",
                "owner_type": "user",
                "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/external_api/user/examples/flat_lays/flat_lay_candidate-94dd418b-28c7-4874-82c6-8ca8009f1d0a.png"
              },
              "id": "flatlay_op-fa32973b-c9b8-4c8a-9cc2-45a7158736fe",
              "image_type": {
                "flat_lay_type": "flat",
                "viewpoint": "front"
              },
              "operation_priority": "online",
              "sku_id": "sku_12345",
              "status": "SUCCESS"
            }
          }
        ]
      },
      "SubscriptionDetails": {
        "type": "object",
        "description": "The SDK settings of a subscription (docs/team/sdk/subscription-details.md). Every field may\nbe null or absent; an SDK then uses its default.\n",
        "x-unverified": true,
        "properties": {
          "powered_by_sticker": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/PoweredBySticker"
              },
              {
                "type": "null"
              }
            ]
          },
          "retry_counts": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/RetryCounts"
              },
              {
                "type": "null"
              }
            ]
          },
          "operation_delays_sequence": {
            "description": "The delays before each poll of a try-on, in order. An SDK whose sequence runs out\nbefore the operation ends (no `infinite` entry) gives up with a timeout. Default:\n1 s 4 times, 0.5 s 20 times, then 3 s for ever. An empty list means the default.\n",
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OperationDelay"
                }
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "PoweredBySticker": {
        "type": "object",
        "description": "The \"Powered by Aiuta\" label. Shown only when `is_visible` is `true`; a URL makes it a link on that platform.",
        "x-unverified": true,
        "properties": {
          "url_ios": {
            "type": [
              "string",
              "null"
            ]
          },
          "url_android": {
            "type": [
              "string",
              "null"
            ]
          },
          "is_visible": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "RetryCounts": {
        "type": "object",
        "description": "Additional attempts after an error before the shopper sees one. Defaults 2, 0, 2, 2.",
        "x-unverified": true,
        "properties": {
          "photo_upload": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "operation_start": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "operation_status": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "result_download": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          }
        }
      },
      "OperationDelay": {
        "type": "object",
        "description": "One step of the polling schedule: `recurring` waits `delay` seconds `repeat` times,\n`infinite` waits `delay` seconds before every poll from then on. The SDKs skip a step whose\n`mode` they do not know, and a `recurring` one without a positive `repeat`.\n",
        "x-unverified": true,
        "required": [
          "mode",
          "delay"
        ],
        "properties": {
          "mode": {
            "type": "string",
            "examples": [
              "recurring",
              "infinite"
            ]
          },
          "delay": {
            "type": "number",
            "minimum": 0,
            "description": "Seconds before the next poll."
          },
          "repeat": {
            "type": "integer",
            "minimum": 1,
            "description": "How many times, for `recurring`."
          }
        }
      },
      "SizeRecommendationRequest": {
        "type": "object",
        "description": "The product's size chart and the shopper's answers. The optional fields come in Android's\ncamelCase (`hipShape`) or iOS's snake_case (`hip_shape`); give one spelling. The bounds on\nage, height and weight are a person's, not the vendor's (which are not documented).\n",
        "x-unverified": true,
        "required": [
          "code",
          "age",
          "height",
          "weight",
          "gender"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "The product's size chart code."
          },
          "age": {
            "type": "integer",
            "minimum": 0,
            "maximum": 150,
            "description": "Years."
          },
          "height": {
            "type": "integer",
            "minimum": 1,
            "maximum": 300,
            "description": "Centimetres."
          },
          "weight": {
            "type": "integer",
            "minimum": 1,
            "maximum": 700,
            "description": "Kilograms."
          },
          "gender": {
            "type": "string",
            "enum": [
              "Male",
              "Female"
            ]
          },
          "hipShape": {
            "$ref": "#/components/schemas/HipShape"
          },
          "hip_shape": {
            "$ref": "#/components/schemas/HipShape"
          },
          "bellyShape": {
            "$ref": "#/components/schemas/BellyShape"
          },
          "belly_shape": {
            "$ref": "#/components/schemas/BellyShape"
          },
          "braSize": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Band size, e.g. 75."
          },
          "bra_size": {
            "type": [
              "integer",
              "null"
            ]
          },
          "braCup": {
            "$ref": "#/components/schemas/BraCup"
          },
          "bra_cup": {
            "$ref": "#/components/schemas/BraCup"
          }
        }
      },
      "HipShape": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "Slim",
              "Normal",
              "Curvy"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "BellyShape": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "Flat",
              "Normal",
              "Curvy"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "BraCup": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "AA",
              "A",
              "B",
              "C",
              "D",
              "DD",
              "E",
              "F",
              "G"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "SizeRecommendation": {
        "type": "object",
        "description": "The recommended size, how each size of the chart fits, and the body measurements worked out from the answers.",
        "x-unverified": true,
        "required": [
          "recommendedSizeName",
          "sizes",
          "bodyMeasurements"
        ],
        "properties": {
          "recommendedSizeName": {
            "type": "string",
            "examples": [
              "M"
            ]
          },
          "sizes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SizeFit"
            }
          },
          "bodyMeasurements": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/BodyMeasurement"
            }
          }
        }
      },
      "SizeFit": {
        "type": "object",
        "required": [
          "name",
          "measurements"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "measurements": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SizeMeasurement"
            }
          }
        }
      },
      "SizeMeasurement": {
        "type": "object",
        "description": "How one measurement of a size fits: the size's range (`min`, `max`), the distance of the\nbody's value from it (`dist`), and `fitRatio`. `type` is one of `chest_c`, `waist_c`,\n`hip_c`, `bmi`, `inseam`, `cup`, `bra_underbust`, `over_bust`, `under_bust` (the SDKs map\nothers to unknown).\n",
        "required": [
          "type",
          "fitRatio",
          "dist",
          "min",
          "max"
        ],
        "properties": {
          "type": {
            "type": "string",
            "examples": [
              "chest_c"
            ]
          },
          "fitRatio": {
            "type": "number"
          },
          "dist": {
            "type": "number"
          },
          "min": {
            "type": "integer"
          },
          "max": {
            "type": "integer"
          }
        }
      },
      "BodyMeasurement": {
        "type": "object",
        "required": [
          "type",
          "value"
        ],
        "properties": {
          "type": {
            "type": "string",
            "examples": [
              "chest_c"
            ]
          },
          "value": {
            "type": "integer"
          }
        }
      },
      "SuggestedOutfit": {
        "type": "object",
        "description": "A ready-made outfit of catalogue items, as the Web demo shows it.",
        "x-unverified": true,
        "required": [
          "items",
          "collage_image_url",
          "tags"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SuggestedOutfitItem"
            }
          },
          "collage_image_url": {
            "type": "string"
          },
          "tags": {
            "type": "object",
            "properties": {
              "gender": {
                "type": "string"
              },
              "occasion": {
                "type": "string",
                "description": "A human-readable occasion, the card's title (e.g. `Office Hours`)."
              },
              "style": {
                "type": "string"
              }
            }
          }
        }
      },
      "SuggestedOutfitItem": {
        "type": "object",
        "description": "An item of a suggested outfit, in the older SKU item shape the Web demo reads\n(demo/src/models/product.ts `SkuItem`). The demo reads more fields than are listed as\nrequired here.\n",
        "x-unverified": true,
        "required": [
          "id",
          "sku_id",
          "title",
          "image_urls",
          "is_ready"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "sku_id": {
            "type": "string"
          },
          "sku_catalog_name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "brand": {
            "type": "string"
          },
          "color": {
            "type": "string"
          },
          "gender": {
            "type": "string"
          },
          "age_group": {
            "type": "string"
          },
          "category_google_id": {
            "type": "string"
          },
          "category_google_name": {
            "type": "string"
          },
          "image_urls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "descriptive_image_urls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "try_on_examples": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "store_url": {
            "type": "string"
          },
          "is_ready": {
            "type": "boolean"
          }
        }
      }
    }
  }
};
