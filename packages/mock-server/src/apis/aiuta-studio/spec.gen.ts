// Generated from specs/aiuta-studio.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from '../../core/openapi.js';

/** `specs/aiuta-studio.yaml`, as the mock routes and validates it. */
export const spec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Aiuta Studio API",
    "version": "1.0.0",
    "summary": "Studio-grade product images generated from product photos, as flat lays or worn by an on-figure model.",
    "description": "Aiuta's Studio API (`https://api.aiuta.com/studio/v1`). Sources: the vendor's published OpenAPI\ndocument (aiuta-com/docs `docs/api/studio/openapi.json`, title \"Studio\", version 1.0.0) and its\nprose (`docs/api/studio/workflow.md`, `docs/api/studio/index.md`), both at docs commit cdf7cb1.\n\nWorkflow. Optionally upload product images (`POST /uploaded_images`), or give their URLs. Start\na flat-lay or an on-figure generation and poll it by `operation_id` until `status` is terminal:\n`SUCCESS` (results in `generation_result`) or `FAILED` (message in `error`); `CANCELLED` and\n`ABORTED` also end it, while `CREATED`, `IN_PROGRESS` and `PAUSED` mean it is still running. An\non-figure operation can then be regenerated for other image types, keeping the original's\nproduct, settings and model appearance.\n\nAuthentication. The vendor's document declares one scheme, the static `x-api-key` header, on\nevery operation (its scheme is named `x-api-key` there and `apiKey` here).\n\nErrors. The vendor documents only FastAPI/Pydantic's 422 `HTTPValidationError`. The rules its\nschemas state in prose (at most one of `image_urls` and `uploaded_image_ids`; exactly one of a\nmodel preset and model settings; unique image types; a background's reference color) are\nPydantic model validators, so they fail as 422 too. Everything else here is marked\n`x-unverified: true`: a reference to something that does not exist is answered 400 (in the\nbody) or 404 (in the path) with FastAPI's `{\"detail\": \"...\"}`, as the Digital Try-On API on the\nsame host answers; 401 and 429 come from the API gateway in front of api.aiuta.com with empty\nbodies, as the Unified API's document says of that gateway. An unknown operation ID is answered\n200 with a `null` body, as the vendor's response schema allows.\n\nConventions. Schema names are the vendor's, except `UploadedImageForm` (the vendor's\n`Body_upload_user_image_uploaded_images_post`). Nullable fields the vendor writes as\n`anyOf [X, null]` are `type: [X, \"null\"]` here. The values the service uses for omitted fields\nare given as `x-default` (the vendor's `default`), so that those fields stay optional in\ngenerated types. Where the vendor's examples contradict its schemas, `x-vendor-example-mismatch`\nnames the field and keeps the example.\n\nCompared field by field with the vendor's document by\n`packages/mock-server/src/apis/aiuta-studio/vendor-spec.test.ts`: every path, method,\nparameter, request body, response status and schema, and every schema's properties, types,\nenums, required fields, bounds, formats and defaults are the vendor's. Run against the document\nat docs commit cdf7cb1: its 166 facts (recorded in `vendor-spec.test.json`) are all stated here,\nand nothing else is but what is marked `x-unverified`.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://api.aiuta.com/studio/v1"
    }
  ],
  "tags": [
    {
      "name": "data",
      "description": "Input and generated images - upload, retrieval and deletion."
    },
    {
      "name": "flat_lay",
      "description": "Flat-lay product image generation."
    },
    {
      "name": "on_figure",
      "description": "On-figure product image generation, with model presets and regeneration."
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
        "description": "Upload a product image and save it with a unique ID, to name in `product_info.uploaded_image_ids`.\nBy default the mime type is `image/png` and the extension `.png`.\n",
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
        "description": "The user's uploaded image.",
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
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
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
        "description": "Images uploaded by the same API user can be deleted. Images with the `aiuta` owner cannot.",
        "responses": {
          "204": {
            "description": "Deleted; no body."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
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
            "description": "Deleted; no body."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/ImageNotFound"
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
    "/flat_lay_operations": {
      "post": {
        "tags": [
          "flat_lay"
        ],
        "operationId": "createFlatLayOperation",
        "summary": "Start a flat-lay generation",
        "description": "Starts generating flat-lay product images of the requested types from the product's images\n(uploaded image IDs or URLs) and returns the operation ID; poll\n`GET /flat_lay_operations/{operation_id}`. Answers 200.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GenerateFlatLayImagesRequest"
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
            "$ref": "#/components/responses/ReferenceNotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
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
        "summary": "Get a flat-lay operation",
        "description": "The operation's request parameters and state; `null` for an ID the service does not know.",
        "responses": {
          "200": {
            "description": "The operation, or `null`.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/GenerateFlatLayImagesOperation"
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
          "422": {
            "$ref": "#/components/responses/ValidationError"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/on_figure_model_presets": {
      "get": {
        "tags": [
          "on_figure"
        ],
        "operationId": "listOnFigureModelPresets",
        "summary": "List on-figure model presets",
        "description": "Predefined model presets: common appearance settings under an ID, to pass as\n`on_figure_model_preset_id` instead of `on_figure_model_settings`.\n",
        "responses": {
          "200": {
            "description": "The presets.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/OnFigureModelPresetDescription"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        }
      }
    },
    "/on_figure_operations": {
      "post": {
        "tags": [
          "on_figure"
        ],
        "operationId": "createOnFigureOperation",
        "summary": "Start an on-figure generation",
        "description": "Starts generating product images worn by an on-figure model, from the product data, a model\npreset or model settings (exactly one of the two), and the image types wanted; returns the\noperation ID, to poll with `GET /on_figure_operations/{operation_id}`. May take a while\ndepending on workload and priority. Answers 200.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GenerateOnFigureImagesRequest"
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
            "$ref": "#/components/responses/ReferenceNotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
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
    "/on_figure_operations/regenerate": {
      "post": {
        "tags": [
          "on_figure"
        ],
        "operationId": "regenerateOnFigureOperation",
        "summary": "Regenerate on-figure image types",
        "description": "Starts a new on-figure operation from an earlier one (`original_operation_id`, itself\npossibly a regeneration): the same product, configuration and model appearance, for the\nlisted `image_types` (which may include types the original did not have), optionally with\nanother `number_of_generations`. Returns the new operation's ID, to poll with\n`GET /on_figure_operations/{operation_id}`. Answers 200. Whether the original must have\nfinished is not documented.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RegenerateOnFigureImagesRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The regeneration was created; poll it by `operation_id`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateOperationResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ReferenceNotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
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
    "/on_figure_operations/{operation_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/OperationId"
        }
      ],
      "get": {
        "tags": [
          "on_figure"
        ],
        "operationId": "getOnFigureOperation",
        "summary": "Get an on-figure operation",
        "description": "The operation's request parameters (for a regeneration, the original's, with its own\n`image_types` and `number_of_generations`) and state; `null` for an ID the service does not know.\n",
        "responses": {
          "200": {
            "description": "The operation, or `null`.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/GenerateOnFigureImagesOperation"
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
        "name": "x-api-key",
        "description": "Static API key from the subscription details (the vendor's only declared scheme, named `x-api-key` there)."
      }
    },
    "parameters": {
      "ImageId": {
        "name": "image_id",
        "in": "path",
        "required": true,
        "description": "Image ID.",
        "schema": {
          "type": "string",
          "examples": [
            "user_image-06f5948c-c031-4662-a7c4-4d999b445c86"
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
      }
    },
    "responses": {
      "Unauthorized": {
        "description": "The API gateway's answer when the API key is missing or invalid. Empty body. Not in the vendor's document.",
        "x-unverified": true
      },
      "TooManyRequests": {
        "description": "The API gateway's answer when rate limits are exceeded. Empty body; no Retry-After header is documented. Not in the vendor's document.",
        "x-unverified": true
      },
      "ImageNotFound": {
        "description": "No such image (never uploaded, deleted, or past its `expires_at`). Not in the vendor's document.",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "ReferenceNotFound": {
        "description": "The body names something that does not exist: an uploaded image, a model preset or the\noriginal operation, e.g. `{\"detail\": \"Uploaded image was not found\"}`. Not in the vendor's document.\n",
        "x-unverified": true,
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DetailError"
            }
          }
        }
      },
      "ValidationError": {
        "description": "The request does not match the schema or a rule its descriptions state (FastAPI/Pydantic format).",
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
              "Uploaded image was not found"
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
            "description": "The image bytes (PNG by default)."
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
            "description": "Image URL."
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
      "OperationPriority": {
        "type": "string",
        "enum": [
          "online",
          "offline"
        ],
        "description": "`online`: processed as quickly as possible for real-time, user-facing requests, typically\nwith automatic AI-based quality assurance. `offline`: batch processing, where manual QA may\nbe used for higher quality.\n"
      },
      "ProductInfo": {
        "type": "object",
        "description": "The product to generate images of: its images and optional metadata (category, title,\ndescription); accurate metadata makes the results more relevant and realistic. Give at most\none of `image_urls` and `uploaded_image_ids`.\n",
        "properties": {
          "id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Your own product identifier, not used by the service; returned as given, to match results to your records."
          },
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
            "description": "Up to 20 product image URLs; downloaded and stored internally. In responses always\npresent, with internal URLs whatever the input was; may be empty while the images are\nnot downloaded yet or the download failed.\n"
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
          }
        }
      },
      "BackgroundType": {
        "type": "string",
        "enum": [
          "arbitrary",
          "transparent",
          "reference_color"
        ],
        "description": "How the background is generated."
      },
      "BackgroundSettings": {
        "type": "object",
        "description": "Background generation. With `reference_color`, `reference_color` must be a valid RGB hex\ncode such as `#80ff00`: the background is a blend of gradients and tones inspired by it, not\na flat fill. The service enforces consistency between the type and the presence or absence\nof `reference_color`.\n",
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
            "description": "RGB hex color such as `#80ff00`; only with `background_type` `reference_color`."
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
        "description": "`flat`: top-down flat lay. `ghost_mannequin`: 3D look without the mannequin, keeping the garment's shape. `detail`: close-up of textures, materials or stitching."
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
      "Gender": {
        "type": "string",
        "enum": [
          "male",
          "female"
        ],
        "description": "Gender of the on-figure model."
      },
      "EthnicityType": {
        "type": "string",
        "enum": [
          "european",
          "middle_eastern",
          "indian",
          "asian",
          "pacific_islander",
          "african",
          "latino",
          "native_american"
        ],
        "description": "Ethnic or regional background of the on-figure model; guides facial features and appearance."
      },
      "SkinToneType": {
        "type": "string",
        "enum": [
          "pale_white",
          "white",
          "light_brown",
          "brown",
          "dark_brown",
          "black"
        ],
        "description": "Skin tone of the on-figure model."
      },
      "BodyShapeType": {
        "type": "string",
        "enum": [
          "regular",
          "thin",
          "muscular",
          "plus_sized"
        ],
        "description": "Body shape of the on-figure model, to reflect a realistic garment fit."
      },
      "AgeGroupType": {
        "type": "string",
        "enum": [
          "child",
          "teen",
          "young_adult",
          "middle_aged_adult",
          "senior_adult"
        ],
        "description": "Age group of the on-figure model."
      },
      "HeightType": {
        "type": "string",
        "enum": [
          "short",
          "medium",
          "tall"
        ],
        "description": "Height category of the on-figure model."
      },
      "HairLengthType": {
        "type": "string",
        "enum": [
          "bald",
          "short",
          "medium",
          "long"
        ],
        "description": "Hair length of the on-figure model."
      },
      "HairStyleType": {
        "type": "string",
        "enum": [
          "straight",
          "wavy",
          "curly"
        ],
        "description": "Hair style or texture of the on-figure model."
      },
      "HairColorType": {
        "type": "string",
        "enum": [
          "blond",
          "dark_blond",
          "medium_brown",
          "dark_brown",
          "black",
          "auburn",
          "red",
          "gray",
          "white"
        ],
        "description": "Hair color of the on-figure model."
      },
      "OnFigureModelSettings": {
        "type": "object",
        "description": "The appearance of the on-figure model in the generated images. Only `gender` is required.",
        "required": [
          "gender"
        ],
        "properties": {
          "gender": {
            "$ref": "#/components/schemas/Gender"
          },
          "ethnicity": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/EthnicityType"
              },
              {
                "type": "null"
              }
            ]
          },
          "skin_tone": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/SkinToneType"
              },
              {
                "type": "null"
              }
            ]
          },
          "body_shape": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/BodyShapeType"
              },
              {
                "type": "null"
              }
            ]
          },
          "age_group": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/AgeGroupType"
              },
              {
                "type": "null"
              }
            ]
          },
          "height": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/HeightType"
              },
              {
                "type": "null"
              }
            ]
          },
          "hair_length": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/HairLengthType"
              },
              {
                "type": "null"
              }
            ]
          },
          "hair_style": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/HairStyleType"
              },
              {
                "type": "null"
              }
            ]
          },
          "hair_color": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/HairColorType"
              },
              {
                "type": "null"
              }
            ]
          },
          "is_pregnant": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether the model is pregnant."
          },
          "has_beard": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether the model has a beard."
          },
          "has_tattoo": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether the model has visible tattoos."
          }
        }
      },
      "OnFigureModelPresetDescription": {
        "type": "object",
        "description": "A predefined model preset: its ID, a sample image of the general appearance, and its full\nsettings. Presets are parameter templates, not fixed identities: faces may differ from the sample.\n",
        "required": [
          "preset_id",
          "sample_image",
          "settings"
        ],
        "properties": {
          "preset_id": {
            "type": "string",
            "description": "ID of the preset, for `on_figure_model_preset_id`."
          },
          "sample_image": {
            "type": "string",
            "format": "uri",
            "minLength": 1,
            "maxLength": 2083,
            "description": "URL of a sample image of how the generated model will look."
          },
          "settings": {
            "$ref": "#/components/schemas/OnFigureModelSettings"
          }
        }
      },
      "FlatLayGenerationResultItem": {
        "type": "object",
        "description": "The images generated for one requested flat-lay image type, `number_of_generations` variants.",
        "required": [
          "image_type",
          "generated_images"
        ],
        "properties": {
          "image_type": {
            "$ref": "#/components/schemas/FlatLayImageType"
          },
          "generated_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AiutaImage"
            },
            "description": "The generated variants of this image type."
          }
        }
      },
      "OnFigureGenerationResultItem": {
        "type": "object",
        "description": "The images generated for one requested on-figure image type, `number_of_generations` variants.",
        "required": [
          "image_type",
          "generated_images"
        ],
        "properties": {
          "image_type": {
            "$ref": "#/components/schemas/OnFigureImageType"
          },
          "generated_images": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AiutaImage"
            },
            "description": "The generated variants of this image type."
          }
        }
      },
      "GenerateFlatLayImagesRequest": {
        "type": "object",
        "description": "Flat-lay product images (flat, ghost mannequin, detail; front or back) of one item.",
        "required": [
          "product_info",
          "image_types"
        ],
        "properties": {
          "product_info": {
            "$ref": "#/components/schemas/ProductInfo"
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "offline",
            "description": "`offline` when omitted."
          },
          "number_of_generations": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "x-default": 1,
            "description": "Images generated of each type; 1 when omitted."
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
          "image_types": {
            "type": "array",
            "minItems": 1,
            "maxItems": 6,
            "items": {
              "$ref": "#/components/schemas/FlatLayImageType"
            },
            "description": "The flat-lay image types to generate; unique."
          }
        }
      },
      "GenerateFlatLayImagesOperation": {
        "type": "object",
        "description": "The request parameters of a flat-lay generation plus its state. `generation_result` has one\nitem per requested image type, in the request's order, once the operation succeeded; it may\nbe absent or null while it runs or after an error.\n",
        "required": [
          "product_info",
          "image_types",
          "id",
          "status",
          "error"
        ],
        "properties": {
          "product_info": {
            "$ref": "#/components/schemas/ProductInfo"
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "offline"
          },
          "number_of_generations": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "x-default": 1
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
          "image_types": {
            "type": "array",
            "minItems": 1,
            "maxItems": 6,
            "items": {
              "$ref": "#/components/schemas/FlatLayImageType"
            }
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
          "generation_result": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/FlatLayGenerationResultItem"
            },
            "description": "One item per requested image type, in the request's order."
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
              "generation_result": [
                {
                  "generated_images": [
                    {
                      "id": "gen_image-9305f69e-a236-4efc-a81b-16eb2969d402",
                      "owner_type": "user",
                      "url": "https://storage.googleapis.com/aiuta_prod_external_api_images/external_api/user/examples/flat_lays/flat_lay_candidate-94dd418b-28c7-4874-82c6-8ca8009f1d0a.png"
                    }
                  ],
                  "image_type": {
                    "flat_lay_type": "flat",
                    "viewpoint": "front"
                  }
                }
              ],
              "id": "flatlay_op-fa32973b-c9b8-4c8a-9cc2-45a7158736fe",
              "image_types": [
                {
                  "flat_lay_type": "flat",
                  "viewpoint": "front"
                }
              ],
              "number_of_generations": 1,
              "operation_priority": "online",
              "product_info": {
                "category": "Apparel & Accessories > Clothing > Dresses",
                "description": "Red dress with floral print",
                "image_urls": [
                  "https://storage.googleapis.com/aiuta_prod_external_api_images/external_api/user/examples/uploaded_images/user_image-06f5948c-c031-4662-a7c4-4d999b445c86.jpg"
                ],
                "title": "Red floral dress"
              },
              "status": "SUCCESS"
            }
          }
        ]
      },
      "GenerateOnFigureImagesRequest": {
        "type": "object",
        "description": "Product images worn by an on-figure model, for product pages. Give exactly one of\n`on_figure_model_preset_id` and `on_figure_model_settings`.\n",
        "required": [
          "product_info",
          "image_types"
        ],
        "properties": {
          "product_info": {
            "$ref": "#/components/schemas/ProductInfo"
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "offline",
            "description": "`offline` when omitted."
          },
          "number_of_generations": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "x-default": 1,
            "description": "Images generated of each type; 1 when omitted."
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
          "image_types": {
            "type": "array",
            "minItems": 1,
            "maxItems": 35,
            "items": {
              "$ref": "#/components/schemas/OnFigureImageType"
            },
            "description": "The on-figure image types to generate; unique."
          },
          "on_figure_model_preset_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "A model preset's `preset_id` (see `GET /on_figure_model_presets`); or give `on_figure_model_settings`."
          },
          "on_figure_model_settings": {
            "description": "The model's appearance, set by hand; or give `on_figure_model_preset_id`.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/OnFigureModelSettings"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "GenerateOnFigureImagesOperation": {
        "type": "object",
        "description": "The request parameters of an on-figure generation plus its state. `generation_result` has\none item per requested image type, in the request's order, once the operation succeeded; it\nmay be absent or null while it runs or after an error.\n",
        "required": [
          "product_info",
          "image_types",
          "id",
          "status",
          "error"
        ],
        "properties": {
          "product_info": {
            "$ref": "#/components/schemas/ProductInfo"
          },
          "operation_priority": {
            "$ref": "#/components/schemas/OperationPriority",
            "x-default": "offline"
          },
          "number_of_generations": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "x-default": 1
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
          "image_types": {
            "type": "array",
            "minItems": 1,
            "maxItems": 35,
            "items": {
              "$ref": "#/components/schemas/OnFigureImageType"
            }
          },
          "on_figure_model_preset_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "on_figure_model_settings": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/OnFigureModelSettings"
              },
              {
                "type": "null"
              }
            ]
          },
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
          "generation_result": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/OnFigureGenerationResultItem"
            },
            "description": "One item per requested image type, in the request's order."
          }
        }
      },
      "RegenerateOnFigureImagesRequest": {
        "type": "object",
        "description": "Regenerates chosen image types of an earlier on-figure operation with its configuration\n(product, model settings) and the same model appearance; new types may be added.\n",
        "required": [
          "original_operation_id",
          "image_types"
        ],
        "properties": {
          "original_operation_id": {
            "type": "string",
            "description": "ID of the on-figure operation (a generation or a regeneration) whose configuration and model appearance are reused."
          },
          "number_of_generations": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 4,
            "description": "Images generated of each type; the original's value when omitted."
          },
          "image_types": {
            "type": "array",
            "minItems": 1,
            "maxItems": 35,
            "items": {
              "$ref": "#/components/schemas/OnFigureImageType"
            },
            "description": "The on-figure image types to regenerate, or to add; unique."
          }
        }
      }
    }
  }
};
