// Generated from specs/aiuta.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from '../../core/openapi.js';

/** `specs/aiuta.yaml`, as the mock routes and validates it. */
export const spec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Aiuta Digital Try-On",
    "version": "1.0.0",
    "summary": "Upload a person image, start a virtual try-on of SKU items, and poll the operation.",
    "description": "Hand-written from the vendor's public documentation (its OpenAPI document: aiuta-com/docs\n`docs/api/try-on/openapi.json`) and the behaviour of its official SDKs. Anything that document\ndoes not state (a response status, a header, the `x-user-id` scheme) is marked\n`x-unverified: true` or listed in an operation's `x-unverified-security`, with its source in\nthe description.\nAuthentication: `X-API-Key` (server side) or a bearer JWT issued by the customer's backend\n(HS256, `iss` from the subscription, `exp` set by the issuer). The \"trivial\" calls (upload,\noperation status, predefined models) also accept `x-user-id` with the subscription ID instead\nof a secret; only starting a try-on always needs the key or a JWT.\n\nErrors are FastAPI's, as the vendor's document shows for 422: `{\"detail\": \"...\"}`\n(`DetailError`) for a refusal, `{\"detail\": [ValidationError, ...]}` (`HTTPValidationError`)\nfor a request that does not match the schema, such as a try-on naming both or neither of\n`sku_id` and `sku_ids`. The Unified API (`specs/aiuta-unified.yaml`) answers the same mistakes\nthe same way.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://api.aiuta.com/digital-try-on/v1"
    }
  ],
  "tags": [
    {
      "name": "data",
      "description": "Uploaded and generated images."
    },
    {
      "name": "try_on",
      "description": "Try-on operations and models."
    }
  ],
  "security": [
    {
      "apiKey": []
    },
    {
      "bearerAuth": []
    }
  ],
  "paths": {
    "/uploaded_images": {
      "post": {
        "tags": [
          "data"
        ],
        "operationId": "uploadImage",
        "summary": "Upload an image",
        "description": "Upload an image and save it with a unique ID. By default the mime type is image/png and the\nextension .png; the official SDKs send JPEG as well. The Android SDK before 5.0 writes the\npart's name unquoted, `Content-Disposition: form-data; name=image_data; filename=\"…\"` (Ktor\n3.4), which Starlette, the server under FastAPI, reads like the quoted form.\n",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "bearerAuth": []
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
                "$ref": "#/components/schemas/UploadImageForm"
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
            },
            "links": {
              "StartTryOn": {
                "operationId": "startTryOn",
                "requestBody": {
                  "uploaded_image_id": "$response.body#/id",
                  "sku_id": "sku-1"
                }
              },
              "GetUploadedImage": {
                "operationId": "getUploadedImage",
                "parameters": {
                  "image_id": "$response.body#/id"
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
          "413": {
            "description": "The image is larger than the service accepts. Not in the vendor's document.",
            "x-unverified": true
          },
          "415": {
            "description": "The body is not multipart/form-data. Not in the vendor's document.",
            "x-unverified": true
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
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "bearerAuth": []
          },
          {
            "userId": []
          }
        ],
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
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      },
      "delete": {
        "tags": [
          "data"
        ],
        "operationId": "deleteUploadedImage",
        "summary": "Delete an uploaded image",
        "description": "Images uploaded by the same API user can be deleted; images with the `aiuta` owner (such as try-on model images) cannot. Whether `x-user-id` is accepted here is not documented.",
        "responses": {
          "204": {
            "description": "Deleted."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
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
            "description": "Deleted."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
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
    "/sku_images_operations": {
      "post": {
        "tags": [
          "try_on"
        ],
        "operationId": "startTryOn",
        "summary": "Start a try-on",
        "description": "Starts an asynchronous try-on of one SKU (`sku_id`) or an outfit of one or two (`sku_ids`) on an uploaded image or a predefined model. Not idempotent.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SkuImagesRequest"
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
                  "$ref": "#/components/schemas/SkuImagesResponse"
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
          }
        }
      }
    },
    "/sku_images_operations/{operation_id}": {
      "get": {
        "tags": [
          "try_on"
        ],
        "operationId": "getOperation",
        "summary": "Get a try-on operation",
        "description": "Poll until `status` is terminal (SUCCESS, FAILED, CANCELLED or ABORTED).",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "bearerAuth": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "name": "operation_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The operation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SkuImagesOperation"
                }
              }
            },
            "links": {
              "DeleteGeneratedImage": {
                "operationId": "deleteGeneratedImage",
                "parameters": {
                  "image_id": "$response.body#/generated_images/0/id"
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
            "$ref": "#/components/responses/NotFound"
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
    "/predefined_try_on_models": {
      "get": {
        "tags": [
          "try_on"
        ],
        "operationId": "listPredefinedModels",
        "summary": "List predefined try-on models",
        "description": "Send the `ETag` of a previous response as `If-None-Match`; an unchanged list answers 304 with no body.",
        "x-unverified-security": [
          "userId"
        ],
        "security": [
          {
            "apiKey": []
          },
          {
            "bearerAuth": []
          },
          {
            "userId": []
          }
        ],
        "parameters": [
          {
            "name": "if-none-match",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The model categories; an empty list when none are set up.",
            "headers": {
              "ETag": {
                "description": "Revision of the list, for `If-None-Match`. Not declared in the vendor's document,\nwhich takes `if-none-match`; the SDKs read it (iOS AiutaKit/Network/Objects/ApiHeaders.swift).\n",
                "x-unverified": true,
                "schema": {
                  "type": "string"
                }
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
                }
              }
            }
          },
          "304": {
            "description": "The list is unchanged since the given ETag; empty response."
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
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "Static API key from the subscription details, for server-side integrations."
      },
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "HS256 JWT issued by the customer's backend with the subscription's JWT secret and `iss`,\ncarrying the try-on's parameters as claims (docs api/server-side-auth-component.md). A\ntoken whose claims do not match the try-on body is answered 401 `{\"detail\": \"...\"}`, so the\nSDK asks for a new one; a `sku_ids` claim that is one string (iOS hands getJwt `sku_ids`\njoined with commas: Sources/AiutaSdk/Api/TryOn/Core+Api+TryOn+Request.swift) is compared as\nits comma-split list. Neither is documented by the vendor (see `x-jwt-binding`).\n",
        "x-jwt-binding": {
          "x-unverified": true,
          "bound-request-fields": [
            "uploaded_image_id",
            "sku_id",
            "sku_ids"
          ],
          "mismatch-status": 401,
          "sdk-params": {
            "ios": "`getJwt([\"sku_ids\": \"a,b\", \"uploaded_image_id\": \"...\"])` (Sources/AiutaSdk/Api/TryOn/Core+Api+TryOn+Request.swift).",
            "android-4": "`getJWT(params)` with the serialized request body `{\"sku_ids\":[...],\"uploaded_image_id\":\"...\"}` (fashion-network/.../plugins/JWTAuthenticationPlugin.kt, before 5.0)."
          }
        }
      },
      "userId": {
        "type": "apiKey",
        "in": "header",
        "name": "x-user-id",
        "x-unverified": true,
        "description": "The subscription ID, accepted instead of a secret for the trivial calls. Documented in prose\nonly (docs api/getting-started.md, \"Authentication\"), not in the vendor's OpenAPI document;\nthe iOS SDK sends it on every call but the try-on start in JWT mode\n(Sources/AiutaSdk/Api/Core+Api+Provider.swift).\n"
      }
    },
    "parameters": {
      "ImageId": {
        "name": "image_id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The service refused the request, e.g. `{\"detail\":\"Input image was not found\"}`. Not in the\nvendor's document; the SDKs read a string `detail` from a 400 of the try-on start\n(aiuta-web-sdk app/src/utils/api/tryOnApiService.ts).\n",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No valid API key, JWT or subscription ID, or a JWT bound to another request (see\n`x-jwt-binding`). The gateway may answer with an empty body. Not in the vendor's document;\nthe docs' JWT diagram answers an invalid token 401 (docs sdk/templates/diagrams/auth-jwt.md).\n",
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
        "description": "The credential is valid but not for this call, e.g. `x-user-id` on a try-on. Not in the vendor's document.",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such image or operation. Not in the vendor's document, which answers only 200 and 422.",
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
        "description": "Rate limited by the gateway; honour `Retry-After` when present. Not in the vendor's\ndocument; the Unified API's document lists a 429 from the same gateway.\n",
        "x-unverified": true,
        "headers": {
          "Retry-After": {
            "description": "Seconds, or an HTTP date, to wait before the next try.",
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "ValidationError": {
        "description": "The request does not match the schema.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/HTTPValidationError"
            }
          }
        }
      }
    },
    "schemas": {
      "UploadImageForm": {
        "type": "object",
        "required": [
          "image_data"
        ],
        "properties": {
          "image_data": {
            "type": "string",
            "format": "binary",
            "contentMediaType": "application/octet-stream"
          }
        }
      },
      "OwnerType": {
        "type": "string",
        "enum": [
          "user",
          "aiuta"
        ]
      },
      "KnownOperationStatus": {
        "type": "string",
        "enum": [
          "CREATED",
          "IN_PROGRESS",
          "PAUSED",
          "SUCCESS",
          "FAILED",
          "CANCELLED",
          "ABORTED"
        ]
      },
      "OperationStatus": {
        "description": "Open enum; the service adds values over time.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/KnownOperationStatus"
          },
          {
            "type": "string"
          }
        ]
      },
      "KnownAbortReason": {
        "type": "string",
        "enum": [
          "NO_PEOPLE_DETECTED",
          "TOO_MANY_PEOPLE_DETECTED",
          "CHILD_DETECTED",
          "INSUFFICIENT_TARGET_AREA",
          "INTERNAL_RESTRICTION"
        ]
      },
      "AbortReason": {
        "description": "Open enum; INTERNAL_RESTRICTION and INSUFFICIENT_TARGET_AREA were added in 2026.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/KnownAbortReason"
          },
          {
            "type": "string"
          }
        ]
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
            "examples": [
              "user_image-06f5948c-5c2b-4a55-9b3e-5e0a27f1c1d2"
            ]
          },
          "owner_type": {
            "$ref": "#/components/schemas/OwnerType"
          },
          "url": {
            "type": "string",
            "description": "May carry a temporary access token."
          },
          "expires_at": {
            "description": "The image may not be available after this time.",
            "anyOf": [
              {
                "type": "string",
                "format": "date-time"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "GeneratedSkuImage": {
        "allOf": [
          {
            "$ref": "#/components/schemas/AiutaImage"
          },
          {
            "type": "object",
            "required": [
              "image_url"
            ],
            "properties": {
              "image_url": {
                "type": "string",
                "description": "Alias for `url`."
              }
            }
          }
        ]
      },
      "TryOnModel": {
        "allOf": [
          {
            "$ref": "#/components/schemas/AiutaImage"
          },
          {
            "type": "object",
            "required": [
              "metadata"
            ],
            "properties": {
              "metadata": {
                "anyOf": [
                  {
                    "type": "object",
                    "additionalProperties": true
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          }
        ]
      },
      "TryOnModels": {
        "type": "object",
        "required": [
          "category",
          "models"
        ],
        "properties": {
          "category": {
            "type": "string",
            "enum": [
              "man",
              "woman"
            ]
          },
          "models": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TryOnModel"
            }
          }
        }
      },
      "TryOnModelCategories": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TryOnModels"
        }
      },
      "SkuImagesRequest": {
        "description": "Exactly one of `sku_id` and `sku_ids` is given; the other is absent or null.",
        "allOf": [
          {
            "$ref": "#/components/schemas/SkuImagesRequestFields"
          },
          {
            "anyOf": [
              {
                "type": "object",
                "required": [
                  "sku_id"
                ],
                "properties": {
                  "sku_id": {
                    "type": "string"
                  },
                  "sku_ids": {
                    "type": "null"
                  }
                }
              },
              {
                "type": "object",
                "required": [
                  "sku_ids"
                ],
                "properties": {
                  "sku_id": {
                    "type": "null"
                  },
                  "sku_ids": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            ]
          }
        ]
      },
      "SkuImagesRequestFields": {
        "type": "object",
        "required": [
          "uploaded_image_id"
        ],
        "properties": {
          "uploaded_image_id": {
            "type": "string",
            "description": "An uploaded image ID or a predefined model ID such as `model_woman_00`.",
            "examples": [
              "model_woman_00"
            ]
          },
          "sku_id": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "sku_ids": {
            "description": "An outfit; one or two items at the moment.",
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "minItems": 1,
                "maxItems": 2
              },
              {
                "type": "null"
              }
            ]
          },
          "sku_catalog_name": {
            "description": "SKU catalog name; `main` when omitted.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "hijab_protection": {
            "type": "boolean",
            "description": "Experimental flag to protect a hijab from regeneration; false when omitted."
          }
        }
      },
      "SkuImagesResponse": {
        "type": "object",
        "required": [
          "operation_id",
          "details",
          "errors"
        ],
        "properties": {
          "operation_id": {
            "type": "string"
          },
          "details": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "SkuImagesOperation": {
        "type": "object",
        "required": [
          "id",
          "status",
          "error",
          "generated_images"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/OperationStatus"
          },
          "error": {
            "description": "Null when there was no error.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "abort_reason": {
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
            "description": "Empty while images are not ready, after an error, or once they expired.",
            "type": "array",
            "items": {
              "anyOf": [
                {
                  "$ref": "#/components/schemas/GeneratedSkuImage"
                },
                {
                  "type": "null"
                }
              ]
            }
          }
        }
      },
      "DetailError": {
        "type": "object",
        "description": "FastAPI `HTTPException` body with a string `detail`. Not in the vendor's document, which shows only the 422 list.",
        "x-unverified": true,
        "required": [
          "detail"
        ],
        "properties": {
          "detail": {
            "type": "string"
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
      }
    }
  }
};
