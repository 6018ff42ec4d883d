// Generated from specs/aiuta.yaml and specs/vidau.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from './openapi.js';

export const aiutaSpec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Aiuta Digital Try-On",
    "version": "1.0.0",
    "summary": "Upload a person image, start a virtual try-on of SKU items, and poll the operation.",
    "description": "Hand-written from the vendor's public documentation and the behaviour of its official SDKs.\nAuthentication: `X-API-Key` (server side) or a bearer JWT issued by the customer's backend\n(HS256, `iss` from the subscription, `exp` set by the issuer). The \"trivial\" calls (upload,\noperation status, predefined models) also accept `x-user-id` with the subscription ID instead\nof a secret; only starting a try-on always needs the key or a JWT.\n",
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
        "description": "Upload an image and save it with a unique ID. By default the mime type is image/png and the extension .png; the official SDKs send JPEG as well.",
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
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
            "description": "Observed from the service, not in its public spec, e.g. `{\"detail\":\"Input image was not found\"}`.",
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
            }
          },
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
                "description": "Revision of the list, for `If-None-Match`.",
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
          "422": {
            "$ref": "#/components/responses/ValidationError"
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
        "description": "HS256 JWT issued by the customer's backend with the subscription's JWT secret and `iss`."
      },
      "userId": {
        "type": "apiKey",
        "in": "header",
        "name": "x-user-id",
        "description": "The subscription ID, accepted instead of a secret for the trivial calls. Documented in prose only."
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
        "type": "object",
        "required": [
          "uploaded_image_id"
        ],
        "description": "Either `sku_id` or `sku_ids` must be given.",
        "properties": {
          "uploaded_image_id": {
            "type": "string",
            "description": "An uploaded image ID or a predefined model ID such as `model_woman_00`."
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

export const vidauSpec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "VidAU avatar video",
    "version": "1.0.0",
    "summary": "Create an AI avatar video task and query it.",
    "description": "Hand-written from the vendor's public documentation. Every request is signed: the\n`Authorization` header carries Base64(HMAC-SHA256(x-auth-key, x-client-id + body + timestamp)),\nwhere the body is the sorted compact JSON the vendor's fastjson2 sample produces and\n`timestamp` is in milliseconds.\n\nWhat the vendor documentation leaves unknown is marked `x-unverified: true`: the host, the\ntask-info `status` values, the `RESPONSE-WRAP` values and envelope, the webhook payload, the\nreplay window, and whether the server really needs `x-auth-key` (the HMAC secret itself).\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://vidau-app.superads.cn/openapi",
      "description": "The host of the vendor's curl sample; the endpoint pages show only the relative server `openapi`.",
      "x-unverified": true
    }
  ],
  "security": [
    {
      "vidauClientId": [],
      "vidauTimestamp": [],
      "vidauSignature": []
    }
  ],
  "paths": {
    "/v1.0/avatar/video/create": {
      "post": {
        "operationId": "createAvatarVideo",
        "summary": "Generate an avatar video task",
        "description": "Create an avatar video with parameters. Not idempotent.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AuthKey"
          },
          {
            "$ref": "#/components/parameters/ResponseWrap"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AvatarVideoCreateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The task.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AvatarVideoTask"
                }
              }
            }
          },
          "401": {
            "description": "Unauthorized; the signature, client id or timestamp was not accepted."
          },
          "403": {
            "description": "Forbidden."
          },
          "404": {
            "description": "Not Found."
          }
        }
      }
    },
    "/v1.0/task/info": {
      "post": {
        "operationId": "getTaskInfo",
        "summary": "Get task info",
        "description": "Query task information. A POST with a JSON body; safe to repeat.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AuthKey"
          },
          {
            "$ref": "#/components/parameters/ResponseWrap"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TaskInfoRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The task information.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskInfo"
                }
              }
            }
          },
          "401": {
            "description": "Unauthorized."
          },
          "403": {
            "description": "Forbidden."
          },
          "404": {
            "description": "Not Found."
          }
        }
      }
    }
  },
  "webhooks": {
    "avatarVideoTask": {
      "post": {
        "operationId": "receiveAvatarVideoTask",
        "summary": "Avatar video task notification",
        "x-unverified": true,
        "description": "Sent to the `webhook_url` of a create request. Method, payload and retries are not documented; the payload is assumed to be the task object.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AvatarVideoTask"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Received."
          },
          "400": {
            "description": "The receiver could not read the notification."
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "vidauClientId": {
        "type": "apiKey",
        "in": "header",
        "name": "x-client-id",
        "description": "The client id from the API keys page. Named as a credential on the authentication page; the endpoint pages do not list it."
      },
      "vidauTimestamp": {
        "type": "apiKey",
        "in": "header",
        "name": "timestamp",
        "description": "Milliseconds since the Unix epoch (13 digits), the one that was signed. The accepted clock skew is not documented."
      },
      "vidauSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "Base64 HMAC-SHA256 under the x-auth-key of `x-client-id + canonical body + timestamp`, no scheme prefix."
      }
    },
    "parameters": {
      "AuthKey": {
        "name": "x-auth-key",
        "in": "header",
        "required": false,
        "x-unverified": true,
        "description": "Listed as required on the endpoint pages, but it is the HMAC secret itself; clients send it only when told to.",
        "schema": {
          "type": "string"
        }
      },
      "ResponseWrap": {
        "name": "RESPONSE-WRAP",
        "in": "header",
        "required": false,
        "x-unverified": true,
        "description": "\"Whether to encapsulate response data\". Listed as required; its values and the wrapped envelope are not documented.",
        "schema": {
          "type": "string"
        }
      }
    },
    "schemas": {
      "TaskStatus": {
        "type": "integer",
        "format": "int32",
        "enum": [
          0,
          1,
          2
        ],
        "description": "0: executing, 1: success, 2: failed."
      },
      "AvatarVideoParams": {
        "type": "object",
        "required": [
          "voice_id",
          "avatar_id",
          "text",
          "language"
        ],
        "additionalProperties": true,
        "properties": {
          "voice_id": {
            "type": "string"
          },
          "avatar_id": {
            "type": "integer"
          },
          "text": {
            "type": "string",
            "maxLength": 1200,
            "description": "What the avatar says; at most 1200 characters."
          },
          "language": {
            "type": "string",
            "description": "A language name, not a code.",
            "examples": [
              "English"
            ]
          }
        }
      },
      "AvatarVideoCreateRequest": {
        "type": "object",
        "required": [
          "webhook_url",
          "params"
        ],
        "properties": {
          "webhook_url": {
            "type": "string",
            "format": "uri",
            "description": "The webhook url to notify the task information."
          },
          "params": {
            "$ref": "#/components/schemas/AvatarVideoParams"
          }
        }
      },
      "AvatarVideoTask": {
        "type": "object",
        "properties": {
          "task_id": {
            "type": "string"
          },
          "task_status": {
            "$ref": "#/components/schemas/TaskStatus"
          },
          "file_url": {
            "type": "string"
          },
          "failed_reason": {
            "type": "string"
          },
          "webhook_url": {
            "type": "string"
          },
          "params": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "TaskInfoRequest": {
        "type": "object",
        "required": [
          "task_id"
        ],
        "properties": {
          "task_id": {
            "type": "string"
          }
        }
      },
      "TaskInfo": {
        "type": "object",
        "description": "All fields are strings in the vendor's example, `status` and `progress_bar` included.",
        "properties": {
          "app_id": {
            "type": "string"
          },
          "progress_bar": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "x-unverified": true,
            "description": "Values are not documented; assumed to be the task status 0/1/2 as a string."
          },
          "task_id": {
            "type": "string"
          },
          "thumb_url": {
            "type": "string"
          },
          "video_url": {
            "type": "string"
          }
        }
      }
    }
  }
};
